namespace Katas.Kits;

/// <summary>A kata's part of `katas reproduce`: the article's published runs, recomputed.</summary>
public interface IKataReproduction
{
    /// <summary>The kata folder name, e.g. "01-linreg".</summary>
    string Kata { get; }

    /// <summary>Tables of recomputed runs, each next to what the article printed.</summary>
    IEnumerable<ReproducedTable> Reproduce();
}

/// <summary>A table for `katas reproduce`: a title, column names, rows, and a note on conventions.</summary>
/// <param name="Title">What the rows are.</param>
/// <param name="Columns">Column names.</param>
/// <param name="Rows">One list of cells per row.</param>
/// <param name="Note">The conventions the numbers follow, in words.</param>
/// <param name="Compared">How many rows are compared with digits the article printed (0 for a table that only shows).</param>
/// <param name="Mismatches">How many of those differ from what the article printed (`reproduce` then exits 1).</param>
public sealed record ReproducedTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, string Note,
    int Compared = 0, int Mismatches = 0);
