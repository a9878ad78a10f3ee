using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Katas.Worker.Compiling;

/// <summary>
/// Where <see cref="WatchPoints"/> inserted text into a file, so a compiler message about the rewritten file points at
/// the learner's own column. Lines never move (the insertions have no line breaks). A piece's length is what it adds to
/// its line: the '{' that takes the place of an expression body's "=>" adds one character less than none, -1.
/// </summary>
internal sealed class InsertedText
{
    private readonly Dictionary<int, List<(int Column, int Length)>> _byLine = [];

    private InsertedText()
    {
    }

    /// <summary>The insertions in <paramref name="rewritten"/>.</summary>
    public static InsertedText In(SyntaxTree rewritten)
    {
        var inserted = new InsertedText();
        SyntaxNode root = rewritten.GetRoot();
        foreach (SyntaxNodeOrToken piece in root.GetAnnotatedNodesAndTokens(WatchPoints.Inserted))
        {
            inserted.Add(rewritten, piece, piece.Span.Length);
        }

        // A '{' where an expression body's "=>" was: one character where the learner had two.
        foreach (SyntaxNodeOrToken piece in root.GetAnnotatedNodesAndTokens(WatchPoints.ReplacesArrow))
        {
            inserted.Add(rewritten, piece, piece.Span.Length - 2);
        }

        return inserted;
    }

    private void Add(SyntaxTree rewritten, SyntaxNodeOrToken piece, int length)
    {
        LinePosition start = rewritten.GetLineSpan(piece.Span).StartLinePosition;
        if (!_byLine.TryGetValue(start.Line, out List<(int, int)>? pieces))
        {
            _byLine[start.Line] = pieces = [];
        }

        pieces.Add((start.Character, length));
    }

    /// <summary>The learner's column (from 0) for <paramref name="position"/> in the rewritten file.</summary>
    public int OriginalColumn(LinePosition position) =>
        position.Character - (_byLine.TryGetValue(position.Line, out List<(int Column, int Length)>? pieces)
            ? pieces.Where(piece => piece.Column < position.Character).Sum(piece => Math.Min(piece.Length, position.Character - piece.Column))
            : 0);
}
