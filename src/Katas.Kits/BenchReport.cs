using Spectre.Console;

namespace Katas.Kits;

/// <summary>
/// One table of a benchmark: printed to the console and, as Markdown, written into the kata's docs
/// (<see cref="BenchDocs"/>), so the docs hold exactly what the command printed.
/// </summary>
public sealed class BenchReport
{
    private readonly List<string[]> _rows = [];
    private readonly List<string> _notes = [];

    /// <summary>A table titled <paramref name="title"/> with the given <paramref name="columns"/>.</summary>
    public BenchReport(string title, params string[] columns)
    {
        Title = title;
        Columns = columns;
    }

    /// <summary>What the table measures.</summary>
    public string Title { get; }

    /// <summary>The column headers.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The rows, in order, one cell per column.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows => _rows;

    /// <summary>The lines printed under the table.</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>Adds a row; it needs one cell per column.</summary>
    public void AddRow(params string[] cells)
    {
        if (cells.Length != Columns.Count)
        {
            throw new ArgumentException($"The table \"{Title}\" has {Columns.Count} columns; a row gave {cells.Length} cells.", nameof(cells));
        }

        _rows.Add(cells);
    }

    /// <summary>Adds a line printed under the table (a summary, a target met or missed).</summary>
    public void AddNote(string line) => _notes.Add(line);

    /// <summary>Prints the table and its notes to <paramref name="console"/>.</summary>
    public void Print(IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var table = new Table().Title(Markup.Escape(Title)).AddColumns(Columns.Select(Markup.Escape).ToArray());
        foreach (string[] row in _rows)
        {
            table.AddRow(row.Select(Markup.Escape).ToArray());
        }

        console.Write(table);
        foreach (string note in _notes)
        {
            console.WriteLine(note);
        }
    }

    /// <summary>The table as Markdown: its title, the table, and its notes as a list.</summary>
    public IEnumerable<string> Markdown()
    {
        yield return Title + ":";
        yield return "";
        foreach (string line in MarkdownHeader(Columns))
        {
            yield return line;
        }

        foreach (string[] row in _rows)
        {
            yield return MarkdownRow(row);
        }

        if (_notes.Count > 0)
        {
            yield return "";
            foreach (string note in _notes)
            {
                yield return "- " + note;
            }
        }
    }

    /// <summary>A Markdown table's first two lines: the column headers and the separator.</summary>
    public static IEnumerable<string> MarkdownHeader(IReadOnlyList<string> columns)
    {
        yield return MarkdownRow(columns);
        yield return "|" + string.Concat(Enumerable.Repeat("---|", columns.Count));
    }

    /// <summary>One Markdown table row, with any "|" inside a cell escaped.</summary>
    public static string MarkdownRow(IEnumerable<string> cells) =>
        "| " + string.Join(" | ", cells.Select(cell => cell.Replace("|", "\\|", StringComparison.Ordinal))) + " |";
}
