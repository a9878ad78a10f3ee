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
public sealed record ReproducedTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, string Note);
