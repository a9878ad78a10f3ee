namespace Katas.Data;

/// <summary>A data set's files were in none of the folders searched; the message lists each folder and what was missing there.</summary>
public sealed class DatasetNotFoundException : FileNotFoundException
{
    /// <summary>Creates the exception for <paramref name="dataset"/>'s <paramref name="split"/>, searched in <paramref name="searched"/>.</summary>
    /// <param name="dataset">The data set.</param>
    /// <param name="split">The split that was asked for.</param>
    /// <param name="searched">Each folder searched, in order, with what was missing there.</param>
    /// <param name="notes">Extra lines for the message (e.g. why the repository's data folder was not searched).</param>
    public DatasetNotFoundException(ImageDatasetInfo dataset, DataSplit split, IReadOnlyList<(SearchLocation Location, string Missing)> searched, IReadOnlyList<string> notes)
        : base(Describe(dataset, split, searched, notes))
    {
        Dataset = dataset.Name;
        Split = split;
        Searched = searched.Select(entry => entry.Location).ToList();
    }

    /// <summary>The data set's name.</summary>
    public string Dataset { get; }

    /// <summary>The split that was asked for.</summary>
    public DataSplit Split { get; }

    /// <summary>The folders searched, in order.</summary>
    public IReadOnlyList<SearchLocation> Searched { get; }

    private static string Describe(ImageDatasetInfo dataset, DataSplit split, IReadOnlyList<(SearchLocation Location, string Missing)> searched, IReadOnlyList<string> notes)
    {
        string images = ImageDatasetInfo.ImageFileNames(split)[1];
        string labels = ImageDatasetInfo.LabelFileNames(split)[1];
        var lines = new List<string>
        {
            $"{dataset.Name} ({split.ToString().ToLowerInvariant()} split) was not found. Looked for {images}[.gz] and {labels}[.gz] in, in order:",
        };
        lines.AddRange(searched.Select((entry, i) => $"  {i + 1}. {entry.Location}: {entry.Missing}"));
        lines.AddRange(notes.Select(note => "  " + note));
        lines.Add(dataset.InstallHint);
        return string.Join(Environment.NewLine, lines);
    }
}
