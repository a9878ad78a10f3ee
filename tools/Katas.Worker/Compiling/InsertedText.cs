using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Katas.Worker.Compiling;

/// <summary>
/// Where <see cref="WatchPoints"/> inserted text into a file, so a compiler message about the rewritten file points at
/// the learner's own column. Lines never move (the insertions have no line breaks).
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
        foreach (SyntaxNodeOrToken piece in rewritten.GetRoot().GetAnnotatedNodesAndTokens(WatchPoints.Inserted))
        {
            LinePosition start = rewritten.GetLineSpan(piece.Span).StartLinePosition;
            if (!inserted._byLine.TryGetValue(start.Line, out List<(int, int)>? pieces))
            {
                inserted._byLine[start.Line] = pieces = [];
            }

            pieces.Add((start.Character, piece.Span.Length));
        }

        return inserted;
    }

    /// <summary>The learner's column (from 0) for <paramref name="position"/> in the rewritten file.</summary>
    public int OriginalColumn(LinePosition position) =>
        position.Character - (_byLine.TryGetValue(position.Line, out List<(int Column, int Length)>? pieces)
            ? pieces.Where(piece => piece.Column < position.Character).Sum(piece => Math.Min(piece.Length, position.Character - piece.Column))
            : 0);
}
