using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Data;

/// <summary>
/// Labelled grey-scale images from an MNIST-style pair of IDX files (images [N, rows, columns] and
/// labels [N]), checked to belong together, with their <see cref="Source"/>.
/// </summary>
public sealed class ImageDataset
{
    private readonly byte[] _pixels;
    private readonly byte[] _labels;

    private ImageDataset(byte[] pixels, byte[] labels, int rows, int columns, IReadOnlyList<string> classNames, DatasetSource source)
    {
        _pixels = pixels;
        _labels = labels;
        Rows = rows;
        Columns = columns;
        ClassNames = classNames;
        Source = source;
    }

    /// <summary>The number of images.</summary>
    public int Count => _labels.Length;

    /// <summary>The height of every image in pixels (28 for MNIST and Fashion-MNIST).</summary>
    public int Rows { get; }

    /// <summary>The width of every image in pixels (28 for MNIST and Fashion-MNIST).</summary>
    public int Columns { get; }

    /// <summary>All pixels, image after image, row after row: 0 is background, 255 full ink.</summary>
    public ReadOnlyMemory<byte> Pixels => _pixels;

    /// <summary>The label of each image, between 0 and <see cref="ClassNames"/>.Count - 1.</summary>
    public ReadOnlyMemory<byte> Labels => _labels;

    /// <summary>The name of each class, indexed by label (e.g. 9 is "Ankle boot" in Fashion-MNIST).</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The files read, how they were found, and whether they are the full published split or a subset.</summary>
    public DatasetSource Source { get; }

    /// <summary>Reads <paramref name="split"/> from the folder <paramref name="locator"/> picks (see <see cref="DatasetLocator"/>).</summary>
    /// <param name="locator">Where to look.</param>
    /// <param name="split">Train or test.</param>
    /// <param name="directory">A folder holding the files; when given, the only one searched.</param>
    /// <param name="limit">Load only the first <paramref name="limit"/> images (all when null).</param>
    /// <exception cref="DatasetNotFoundException">No folder searched holds the files; the message lists them.</exception>
    /// <exception cref="DataFormatException">A file is malformed, or the two files don't belong together (the message names the file).</exception>
    public static ImageDataset Load(DatasetLocator locator, DataSplit split, string? directory = null, int? limit = null) =>
        Read(locator.Dataset, split, locator.Find(split, directory), limit);

    /// <summary>Reads the pair of files <paramref name="files"/> as <paramref name="dataset"/>'s <paramref name="split"/>.</summary>
    /// <param name="dataset">The data set (class names, image size, published split sizes).</param>
    /// <param name="split">Train or test (for <see cref="Source"/>).</param>
    /// <param name="files">The images file, the labels file and their folder.</param>
    /// <param name="limit">Load only the first <paramref name="limit"/> images (all when null).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is negative.</exception>
    /// <exception cref="DataFormatException">A file is malformed, or the two files don't belong together (the message names the file).</exception>
    public static ImageDataset Read(ImageDatasetInfo dataset, DataSplit split, DatasetFiles files, int? limit = null)
    {
        if (limit < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "The number of images to load must not be negative.");
        }

        IdxArray images = IdxFile.Read(files.ImagesFile);
        CheckImages(images, dataset);
        IdxArray labels = IdxFile.Read(files.LabelsFile);
        CheckLabels(labels, images, dataset);

        int count = Math.Min(images.Count, limit ?? int.MaxValue);
        int imageSize = dataset.Rows * dataset.Columns;
        byte[] pixels = count == images.Count ? images.Data : images.Data.AsSpan(0, count * imageSize).ToArray();
        byte[] labelBytes = count == labels.Count ? labels.Data : labels.Data.AsSpan(0, count).ToArray();
        var source = new DatasetSource(dataset.Name, split, files.ImagesFile, files.LabelsFile, files.Location, images.Count, count, dataset.FullCount(split));
        return new ImageDataset(pixels, labelBytes, dataset.Rows, dataset.Columns, dataset.ClassNames, source);
    }

    /// <summary>How many images each class has, indexed by label.</summary>
    public int[] CountPerClass()
    {
        var counts = new int[ClassNames.Count];
        foreach (byte label in _labels)
        {
            counts[label]++;
        }

        return counts;
    }

    /// <summary>The images as a uint8 tensor [Count, Rows, Columns] (a copy: changing it leaves the data set alone).</summary>
    public Tensor ImagesAsBytes(Device? device = null) =>
        torch.tensor(_pixels, [Count, Rows, Columns], dtype: ScalarType.Byte, device: device);

    /// <summary>The images as a float32 tensor [Count, Rows, Columns] with pixels scaled to [0, 1] (divided by 255).</summary>
    public Tensor ImagesAsFloats(Device? device = null)
    {
        using Tensor bytes = ImagesAsBytes(device);
        return bytes.to_type(ScalarType.Float32).div_(255f);
    }

    /// <summary>The labels as an int64 tensor [Count], the type cross-entropy losses expect.</summary>
    public Tensor LabelsAsLong(Device? device = null)
    {
        using Tensor bytes = torch.tensor(_labels, [Count], dtype: ScalarType.Byte, device: device);
        return bytes.to_type(ScalarType.Int64);
    }

    private static void CheckImages(IdxArray images, ImageDatasetInfo dataset)
    {
        if (images.Rank != 3)
        {
            throw new DataFormatException(images.File, 0,
                $"an images file has 3 dimensions (images x rows x columns); this one has {images.Rank} ({images.Shape}). Is it a labels file?");
        }

        if (images.Dimensions[1] != dataset.Rows || images.Dimensions[2] != dataset.Columns)
        {
            throw new DataFormatException(images.File, 0,
                $"the images are {images.Dimensions[1]} x {images.Dimensions[2]} pixels; {dataset.Name} images are {dataset.Rows} x {dataset.Columns}.");
        }

        if (images.Count == 0)
        {
            throw new DataFormatException(images.File, 0, "the file holds no images.");
        }
    }

    private static void CheckLabels(IdxArray labels, IdxArray images, ImageDatasetInfo dataset)
    {
        if (labels.Rank != 1)
        {
            throw new DataFormatException(labels.File, 0,
                $"a labels file has 1 dimension (one label per image); this one has {labels.Rank} ({labels.Shape}). Is it an images file?");
        }

        if (labels.Count != images.Count)
        {
            throw new DataFormatException(labels.File, 0,
                $"the file holds {Format(labels.Count)} labels but {images.File} holds {Format(images.Count)} images: the two files don't belong together.");
        }

        int classes = dataset.ClassNames.Count;
        int bad = classes > byte.MaxValue ? -1 : labels.Data.AsSpan().IndexOfAnyInRange((byte)classes, byte.MaxValue);
        if (bad >= 0)
        {
            throw new DataFormatException(labels.File, 0,
                $"label {labels.Data[bad]} of image {bad} is outside 0..{classes - 1} ({dataset.Name} has {classes} classes).");
        }
    }

    private static string Format(int count) => count.ToString("N0", CultureInfo.InvariantCulture);
}
