using FluentAssertions;
using Katas.Data;

namespace Katas.Support.Tests.Data;

/// <summary>
/// The subset writer on a tiny synthetic data set: 2 x 2 images of three classes in unequal numbers,
/// where image i's first pixel is i, so every chosen image can be traced back to its source.
/// </summary>
public sealed class IdxSubsetTests
{
    private static readonly ImageDatasetInfo Tiny = FashionMnist.Info with { Name = "Tiny", ClassNames = ["a", "b", "c"], Rows = 2, Columns = 2 };

    private IdxTestFiles _files = null!;
    private string _source = null!;
    private byte[] _trainLabels = null!;

    [SetUp]
    public void WriteSource()
    {
        _files = new IdxTestFiles();
        _source = Path.Combine(_files.Folder, "full");

        // 60 training images: class 0 on half of them, class 1 on a third, class 2 on a sixth.
        _trainLabels = Enumerable.Range(0, 60).Select(i => (byte)(i % 6 < 3 ? 0 : i % 6 < 5 ? 1 : 2)).ToArray();
        WriteSplit("train", _trainLabels, gzip: true);
        WriteSplit("t10k", Enumerable.Range(0, 12).Select(i => (byte)(i % 3)).ToArray(), gzip: false);
    }

    [TearDown]
    public void DeleteFolder() => _files.Dispose();

    private void WriteSplit(string prefix, byte[] labels, bool gzip)
    {
        byte[] pixels = Enumerable.Range(0, labels.Length).SelectMany(i => new byte[] { (byte)i, labels[i], (byte)(255 - i), 9 }).ToArray();
        _files.Save($"{prefix}-images-idx3-ubyte", IdxTestFiles.Idx(0x08, [labels.Length, 2, 2], pixels), gzip, _source);
        _files.Save($"{prefix}-labels-idx1-ubyte", IdxTestFiles.Idx(0x08, [labels.Length], labels), gzip, _source);
    }

    private IReadOnlyList<string> Write(string target, int train = 15, int test = 6, int seed = 1) =>
        IdxSubset.Write(_source, Path.Combine(_files.Folder, target), train, test, seed, Tiny);

    private ImageDataset LoadSubset(string target, DataSplit split) =>
        ImageDataset.Load(new DatasetLocator(Tiny, repositoryRoot: null), split, Path.Combine(_files.Folder, target));

    [Test]
    public void The_subset_has_the_same_number_of_each_class_traced_to_source_images_with_their_labels()
    {
        IReadOnlyList<string> written = Write("subset");

        string target = Path.Combine(_files.Folder, "subset");
        written.Should().Equal(
            Path.Combine(target, "train-images-idx3-ubyte.gz"), Path.Combine(target, "train-labels-idx1-ubyte.gz"),
            Path.Combine(target, "t10k-images-idx3-ubyte.gz"), Path.Combine(target, "t10k-labels-idx1-ubyte.gz"));
        written.Should().AllSatisfy(file => File.ReadAllBytes(file)[..2].Should().Equal([0x1F, 0x8B], "the subset is gzipped"));

        ImageDataset train = LoadSubset("subset", DataSplit.Train);
        train.Count.Should().Be(15);
        train.CountPerClass().Should().Equal(5, 5, 5);
        int[] origins = Enumerable.Range(0, train.Count).Select(i => (int)train.Pixels.Span[i * 4]).ToArray();
        origins.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems("images keep their source order and none is taken twice");
        for (int i = 0; i < train.Count; i++)
        {
            int origin = origins[i];
            train.Labels.Span[i].Should().Be(_trainLabels[origin], $"subset image {i} is source image {origin}");
            train.Pixels.Span.Slice(i * 4, 4).ToArray().Should().Equal([(byte)origin, _trainLabels[origin], (byte)(255 - origin), 9]);
        }

        ImageDataset test = LoadSubset("subset", DataSplit.Test);
        test.Count.Should().Be(6);
        test.CountPerClass().Should().Equal(2, 2, 2);
    }

    [Test]
    public void The_same_seed_writes_the_same_files_and_another_seed_picks_other_images()
    {
        Write("first", seed: 7);
        Write("again", seed: 7);
        Write("other", seed: 8);

        foreach (string name in new[] { "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz" })
        {
            File.ReadAllBytes(Path.Combine(_files.Folder, "again", name)).Should().Equal(File.ReadAllBytes(Path.Combine(_files.Folder, "first", name)), name);
        }

        // 30 images of class 0 choose 5: two seeds picking the same ones would be a broken shuffle.
        LoadSubset("other", DataSplit.Train).Pixels.ToArray().Should().NotEqual(LoadSubset("first", DataSplit.Train).Pixels.ToArray());
    }

    [Test]
    public void Counts_must_be_positive_multiples_of_the_number_of_classes()
    {
        Action uneven = () => Write("bad", train: 16);
        Action zero = () => Write("bad", test: 0);
        uneven.Should().Throw<ArgumentException>().WithParameterName("trainCount")
            .WithMessage("trainCount must be a positive multiple of the 3 classes (the same number of images per class); got 16.*");
        zero.Should().Throw<ArgumentException>().WithParameterName("testCount");
    }

    [Test]
    public void A_class_with_too_few_images_is_named()
    {
        // Class 2 has 10 training images (classes 0 and 1 have 30 and 20); 12 per class are asked for.
        Action write = () => Write("bad", train: 36);
        write.Should().Throw<ArgumentException>()
            .WithMessage($"Class 2 (c) has 10 images in {Path.Combine(_source, "train-labels-idx1-ubyte.gz")}; a balanced subset needs 12 of each class.*");
    }

    [Test]
    public void The_subset_never_overwrites_its_source_and_a_missing_source_is_reported()
    {
        Action overwrite = () => IdxSubset.Write(_source, _source + Path.DirectorySeparatorChar, 3, 3, 1, Tiny);
        Action missing = () => IdxSubset.Write(Path.Combine(_files.Folder, "nowhere"), Path.Combine(_files.Folder, "out"), 3, 3, 1, Tiny);
        overwrite.Should().Throw<ArgumentException>().WithParameterName("targetDirectory");
        missing.Should().Throw<DatasetNotFoundException>().WithMessage("*nowhere (the folder passed to the loader): no such folder*");
    }
}
