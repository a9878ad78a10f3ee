namespace Katas.Data;

/// <summary>
/// Fashion-MNIST (Zalando Research, MIT licence): 28 x 28 grey-scale images of ten kinds of clothing,
/// 60,000 for training and 10,000 for testing, in MNIST's IDX format. The repository ships a balanced
/// subset (data/fashion-mnist: 6,000 + 1,000 images); see data/README.md for the full set.
/// </summary>
public static class FashionMnist
{
    /// <summary>The environment variable naming a folder with the four Fashion-MNIST files.</summary>
    public const string EnvironmentVariable = "KATAS_FASHION_MNIST_DIR";

    /// <summary>Where Debian's and Ubuntu's package dataset-fashion-mnist installs the full set.</summary>
    public const string DebianFolder = "/usr/share/datasets/fashion-mnist";

    /// <summary>Names, classes, sizes and search folders of Fashion-MNIST.</summary>
    public static ImageDatasetInfo Info { get; } = new(
        Name: "Fashion-MNIST",
        FolderName: "fashion-mnist",
        EnvironmentVariable: EnvironmentVariable,
        SystemFolders: [DebianFolder],
        ClassNames: ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"],
        Rows: 28,
        Columns: 28,
        FullTrainCount: 60_000,
        FullTestCount: 10_000,
        InstallHint: "For the full set: on Debian/Ubuntu `sudo apt-get install dataset-fashion-mnist` (then pass " + DebianFolder +
            " or set " + EnvironmentVariable + " to it); elsewhere download the four .gz files from " +
            "https://github.com/zalandoresearch/fashion-mnist and set " + EnvironmentVariable + " to their folder. See data/README.md.");

    /// <summary>
    /// Loads <paramref name="split"/> from <paramref name="directory"/> if given, else from the folder in
    /// KATAS_FASHION_MNIST_DIR if set, else from the repository's data/fashion-mnist (the shipped subset),
    /// else from /usr/share/datasets/fashion-mnist. <see cref="ImageDataset.Source"/> says which files were used.
    /// </summary>
    /// <param name="split">Train or test.</param>
    /// <param name="directory">A folder holding the files (e.g. <see cref="DebianFolder"/> for the full set); when given, the only one searched.</param>
    /// <param name="limit">Load only the first <paramref name="limit"/> images (all when null).</param>
    /// <exception cref="DatasetNotFoundException">No folder searched holds the files; the message lists them.</exception>
    /// <exception cref="DataFormatException">A file is malformed (the message names the file and the problem).</exception>
    public static ImageDataset Load(DataSplit split, string? directory = null, int? limit = null) =>
        ImageDataset.Load(new DatasetLocator(Info), split, directory, limit);
}
