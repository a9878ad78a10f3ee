namespace Katas.Data;

/// <summary>
/// MNIST handwritten digits, read from a folder you point the loader at (the repository does not ship
/// them): the same IDX files and names as Fashion-MNIST (train-images-idx3-ubyte[.gz], ...).
/// </summary>
public static class Mnist
{
    /// <summary>The environment variable naming a folder with the four MNIST files.</summary>
    public const string EnvironmentVariable = "KATAS_MNIST_DIR";

    /// <summary>Names, classes, sizes and search folders of MNIST (data/mnist in the repository if you put it there).</summary>
    public static ImageDatasetInfo Info { get; } = new(
        Name: "MNIST",
        FolderName: "mnist",
        EnvironmentVariable: EnvironmentVariable,
        SystemFolders: [],
        ClassNames: ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
        Rows: 28,
        Columns: 28,
        FullTrainCount: 60_000,
        FullTestCount: 10_000,
        InstallHint: "Put the four MNIST files (train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, " +
            "t10k-labels-idx1-ubyte.gz, gzipped or not) in a folder and pass it, or set " + EnvironmentVariable + " to it. See data/README.md.");

    /// <summary>
    /// Loads <paramref name="split"/> from <paramref name="directory"/> if given, else from the folder in
    /// KATAS_MNIST_DIR if set, else from the repository's data/mnist.
    /// </summary>
    /// <param name="split">Train or test.</param>
    /// <param name="directory">A folder holding the files; when given, the only one searched.</param>
    /// <param name="limit">Load only the first <paramref name="limit"/> images (all when null).</param>
    /// <exception cref="DatasetNotFoundException">No folder searched holds the files; the message lists them.</exception>
    /// <exception cref="DataFormatException">A file is malformed (the message names the file and the problem).</exception>
    public static ImageDataset Load(DataSplit split, string? directory = null, int? limit = null) =>
        ImageDataset.Load(new DatasetLocator(Info), split, directory, limit);
}
