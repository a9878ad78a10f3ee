using System.Globalization;

namespace Katas.Data;

/// <summary>
/// Where an <see cref="ImageDataset"/> came from: the files, how their folder was chosen, and how many
/// images they hold against the published split, so a run can say whether it used the full set or the
/// subset shipped with the katas.
/// </summary>
/// <param name="Dataset">The data set's name, e.g. "Fashion-MNIST".</param>
/// <param name="Split">The split.</param>
/// <param name="ImagesFile">The images file read.</param>
/// <param name="LabelsFile">The labels file read.</param>
/// <param name="Location">The folder the files were found in, and how it was chosen.</param>
/// <param name="FileCount">The number of images in the files.</param>
/// <param name="LoadedCount">The number of images loaded (fewer than <paramref name="FileCount"/> when a limit was given).</param>
/// <param name="FullCount">The number of images in the published split.</param>
public sealed record DatasetSource(
    string Dataset,
    DataSplit Split,
    string ImagesFile,
    string LabelsFile,
    SearchLocation Location,
    int FileCount,
    int LoadedCount,
    int FullCount)
{
    /// <summary>Whether the files hold the whole published split (60,000 or 10,000 images for Fashion-MNIST), not a subset.</summary>
    public bool IsFullSet => FileCount == FullCount;

    /// <summary>
    /// One line such as "Fashion-MNIST train: 6,000 of the 6,000 images in /repo/data/fashion-mnist/train-images-idx3-ubyte.gz
    /// and train-labels-idx1-ubyte.gz (the repository's data folder); a subset of the published 60,000".
    /// </summary>
    public override string ToString()
    {
        string split = Split.ToString().ToLowerInvariant();
        string labels = Path.GetDirectoryName(LabelsFile) == Path.GetDirectoryName(ImagesFile) ? Path.GetFileName(LabelsFile) : LabelsFile;
        string extent = IsFullSet ? "the full published split" : $"a subset of the published {Format(FullCount)}";
        return $"{Dataset} {split}: {Format(LoadedCount)} of the {Format(FileCount)} images in {ImagesFile} and {labels} ({Location.Reason}); {extent}";
    }

    private static string Format(int count) => count.ToString("N0", CultureInfo.InvariantCulture);
}
