namespace Katas.Data;

/// <summary>
/// Decides which folder a data set's files are read from. A folder named by the caller wins; then
/// the data set's environment variable (e.g. KATAS_FASHION_MNIST_DIR); otherwise the repository's
/// data folder (data/fashion-mnist, the shipped subset), then system-wide installs
/// (/usr/share/datasets/fashion-mnist). A folder named by the caller or the environment variable
/// is the only one searched: a mistake there is an error, not a silent fall-back to the subset.
/// </summary>
public sealed class DatasetLocator
{
    /// <summary>Looks for <paramref name="dataset"/> in the repository this program runs from (see <see cref="RepositoryFolders.Root"/>).</summary>
    public DatasetLocator(ImageDatasetInfo dataset)
        : this(dataset, RepositoryFolders.Root)
    {
    }

    /// <summary>Looks for <paramref name="dataset"/> with <paramref name="repositoryRoot"/> as the repository (null: no repository).</summary>
    public DatasetLocator(ImageDatasetInfo dataset, string? repositoryRoot)
    {
        Dataset = dataset;
        RepositoryRoot = repositoryRoot;
    }

    /// <summary>The data set looked for.</summary>
    public ImageDatasetInfo Dataset { get; }

    /// <summary>The repository whose data folder is searched, or null when there is none.</summary>
    public string? RepositoryRoot { get; }

    /// <summary>The folders searched for <paramref name="directory"/> (the caller's choice, or null), in order.</summary>
    public IReadOnlyList<SearchLocation> SearchPaths(string? directory = null)
    {
        if (!string.IsNullOrWhiteSpace(directory))
        {
            return [new SearchLocation(Path.GetFullPath(directory), DataOrigin.Parameter, "the folder passed to the loader")];
        }

        if (Environment.GetEnvironmentVariable(Dataset.EnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            return [new SearchLocation(Path.GetFullPath(fromEnvironment), DataOrigin.EnvironmentVariable, $"environment variable {Dataset.EnvironmentVariable}")];
        }

        var locations = new List<SearchLocation>();
        if (RepositoryRoot is not null)
        {
            locations.Add(new SearchLocation(Path.Combine(RepositoryRoot, "data", Dataset.FolderName), DataOrigin.Repository, "the repository's data folder"));
        }

        locations.AddRange(Dataset.SystemFolders.Select(folder => new SearchLocation(folder, DataOrigin.SystemPackage, "system-wide install")));
        return locations;
    }

    /// <summary>The first folder of <see cref="SearchPaths"/> holding both files of <paramref name="split"/>.</summary>
    /// <exception cref="DatasetNotFoundException">No folder holds both files; the message lists every folder and what was missing there.</exception>
    public DatasetFiles Find(DataSplit split, string? directory = null)
    {
        IReadOnlyList<SearchLocation> locations = SearchPaths(directory);
        var searched = new List<(SearchLocation, string)>();
        foreach (SearchLocation location in locations)
        {
            if (!Directory.Exists(location.Directory))
            {
                searched.Add((location, "no such folder"));
                continue;
            }

            string? images = FirstExisting(location.Directory, ImageDatasetInfo.ImageFileNames(split));
            string? labels = FirstExisting(location.Directory, ImageDatasetInfo.LabelFileNames(split));
            if (images is not null && labels is not null)
            {
                return new DatasetFiles(images, labels, location);
            }

            searched.Add((location, (images, labels) switch
            {
                (null, null) => "neither file is there",
                (null, _) => $"the labels file is there ({Path.GetFileName(labels)}) but no images file",
                _ => $"the images file is there ({Path.GetFileName(images)}) but no labels file",
            }));
        }

        var notes = new List<string>();
        if (locations.Count == 1 && locations[0].Origin is DataOrigin.Parameter or DataOrigin.EnvironmentVariable)
        {
            notes.Add("(When a folder is named, by the caller or the environment variable, no other folder is searched.)");
        }
        else if (RepositoryRoot is null)
        {
            notes.Add($"(The repository's data folder was not searched: no Katas.slnx above {AppContext.BaseDirectory} or {Directory.GetCurrentDirectory()}.)");
        }

        throw new DatasetNotFoundException(Dataset, split, searched, notes);
    }

    private static string? FirstExisting(string folder, IEnumerable<string> names) =>
        names.Select(name => Path.Combine(folder, name)).FirstOrDefault(File.Exists);
}
