namespace Katas.Data;

/// <summary>
/// What the loader knows about an MNIST-style data set: its name, where to look for it, its classes,
/// its image size and the sizes of its published splits. See <see cref="FashionMnist.Info"/> and <see cref="Mnist.Info"/>.
/// </summary>
/// <param name="Name">The data set's name in messages, e.g. "Fashion-MNIST".</param>
/// <param name="FolderName">Its folder under the repository's data folder, e.g. "fashion-mnist".</param>
/// <param name="EnvironmentVariable">The environment variable naming a folder that holds its files.</param>
/// <param name="SystemFolders">Folders of system-wide installs, searched last.</param>
/// <param name="ClassNames">The name of each label, indexed by label.</param>
/// <param name="Rows">The image height every file must have.</param>
/// <param name="Columns">The image width every file must have.</param>
/// <param name="FullTrainCount">The number of images in the published training split.</param>
/// <param name="FullTestCount">The number of images in the published test split.</param>
/// <param name="InstallHint">How to get the full data set, shown when it is not found.</param>
public sealed record ImageDatasetInfo(
    string Name,
    string FolderName,
    string EnvironmentVariable,
    IReadOnlyList<string> SystemFolders,
    IReadOnlyList<string> ClassNames,
    int Rows,
    int Columns,
    int FullTrainCount,
    int FullTestCount,
    string InstallHint)
{
    /// <summary>The number of images in the published <paramref name="split"/>.</summary>
    public int FullCount(DataSplit split) => split == DataSplit.Train ? FullTrainCount : FullTestCount;

    /// <summary>
    /// The names an images file of <paramref name="split"/> may have, in order of preference: the
    /// published names (train-images-idx3-ubyte, t10k-images-idx3-ubyte) raw or gzipped, then the
    /// same with a dot before "idx" (as some mirrors spell them).
    /// </summary>
    public static IReadOnlyList<string> ImageFileNames(DataSplit split) => FileNames(split, "images", 3);

    /// <summary>The names a labels file of <paramref name="split"/> may have, in order of preference (see <see cref="ImageFileNames"/>).</summary>
    public static IReadOnlyList<string> LabelFileNames(DataSplit split) => FileNames(split, "labels", 1);

    private static string[] FileNames(DataSplit split, string kind, int rank)
    {
        string prefix = split == DataSplit.Train ? "train" : "t10k";
        return
        [
            $"{prefix}-{kind}-idx{rank}-ubyte.gz",
            $"{prefix}-{kind}-idx{rank}-ubyte",
            $"{prefix}-{kind}.idx{rank}-ubyte.gz",
            $"{prefix}-{kind}.idx{rank}-ubyte",
        ];
    }
}
