using System.Diagnostics;
using System.Security.Cryptography;
using FluentAssertions;
using Katas.Data;
using Katas.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Support.Tests.Data;

/// <summary>
/// The Fashion-MNIST subset shipped in data/fashion-mnist, and the full set where Debian's
/// dataset-fashion-mnist is installed. Published facts used as oracles: 60,000 + 10,000 images,
/// 6,000 + 1,000 per class; training pixels (scaled to [0, 1]) have mean 0.2860 and standard
/// deviation 0.3530 (the normalisation constants quoted for Fashion-MNIST); the training labels
/// start 9, 0, 0 and end 3, 0, 5 (as printed in TensorFlow's "Basic classification" tutorial).
/// </summary>
[NonParallelizable]
public sealed class FashionMnistTests : KataTest
{
    private const double PublishedMean = 0.2860;
    private const double PublishedStd = 0.3530;

    private string? _variableBefore;

    private static string SubsetFolder => Path.Combine(KataEnvironment.RepoRoot, "data", "fashion-mnist");

    [SetUp]
    public void IgnoreTheMachinesEnvironmentVariable()
    {
        // A learner who set KATAS_FASHION_MNIST_DIR for their own runs must still get the shipped subset here.
        _variableBefore = Environment.GetEnvironmentVariable(FashionMnist.EnvironmentVariable);
        Environment.SetEnvironmentVariable(FashionMnist.EnvironmentVariable, null);
    }

    [TearDown]
    public void RestoreTheEnvironmentVariable() => Environment.SetEnvironmentVariable(FashionMnist.EnvironmentVariable, _variableBefore);

    [TestCase(DataSplit.Train, 6000, 60_000)]
    [TestCase(DataSplit.Test, 1000, 10_000)]
    public void The_shipped_subset_loads_by_default_and_says_it_is_a_subset(DataSplit split, int count, int full)
    {
        ImageDataset data = FashionMnist.Load(split);

        string prefix = split == DataSplit.Train ? "train" : "t10k";
        data.Source.ImagesFile.Should().Be(Path.Combine(SubsetFolder, $"{prefix}-images-idx3-ubyte.gz"), "the repository's own file is read, not a copy in bin/");
        data.Source.LabelsFile.Should().Be(Path.Combine(SubsetFolder, $"{prefix}-labels-idx1-ubyte.gz"));
        data.Source.Location.Origin.Should().Be(DataOrigin.Repository);
        (data.Count, data.Source.FileCount, data.Source.FullCount, data.Source.IsFullSet).Should().Be((count, count, full, false));
        data.Source.ToString().Should().EndWith($"the repository's data folder); a subset of the published {full:N0}");
        data.CountPerClass().Should().Equal(Enumerable.Repeat(count / 10, 10), "the subset is balanced by class");
        data.ClassNames.Should().Equal("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    }

    [Test]
    public void The_subsets_tensors_are_pixels_in_0_1_and_labels_0_to_9_with_the_published_mean()
    {
        ImageDataset data = FashionMnist.Load(DataSplit.Train);
        using var scope = torch.NewDisposeScope();

        Tensor images = data.ImagesAsFloats();
        Tensor labels = data.LabelsAsLong();

        images.shape.Should().Equal(6000, 28, 28);
        images.dtype.Should().Be(ScalarType.Float32);
        (images.min().item<float>(), images.max().item<float>()).Should().Be((0f, 1f), "pixels 0 and 255 both occur and are scaled to 0 and 1");
        labels.shape.Should().Equal(6000);
        (labels.min().item<long>(), labels.max().item<long>()).Should().Be((0L, 9L));

        // The mean of 6,000 balanced, randomly chosen images: each image's own mean pixel varies with a
        // standard deviation of 0.126 (full set), so the subset's mean is within 0.005 (3 standard errors of 0.0016).
        images.mean().item<float>().Should().BeApproximately((float)PublishedMean, 0.005f);
    }

    [Test]
    public void A_limit_loads_the_first_images_of_the_subset()
    {
        ImageDataset all = FashionMnist.Load(DataSplit.Test);
        ImageDataset first = FashionMnist.Load(DataSplit.Test, limit: 100);

        first.Count.Should().Be(100);
        first.Labels.ToArray().Should().Equal(all.Labels[..100].ToArray());
        first.Pixels.ToArray().Should().Equal(all.Pixels[..(100 * 784)].ToArray());
        first.Source.ToString().Should().Contain("100 of the 1,000 images");
    }

    [Test]
    public void The_full_training_set_loads_where_the_Debian_package_is_installed()
    {
        AssumeFullSetInstalled();
        var clock = Stopwatch.StartNew();

        ImageDataset data = FashionMnist.Load(DataSplit.Train, FashionMnist.DebianFolder);
        using var scope = torch.NewDisposeScope();
        Tensor images = data.ImagesAsFloats();

        TestContext.Out.WriteLine($"Loaded and converted the full training set in {clock.ElapsedMilliseconds} ms: {data.Source}");
        (data.Count, data.Source.IsFullSet, data.Source.Location.Origin).Should().Be((60_000, true, DataOrigin.Parameter));
        data.Source.ToString().Should().EndWith("the full published split");
        data.CountPerClass().Should().Equal(Enumerable.Repeat(6000, 10));
        data.Labels[..3].ToArray().Should().Equal(9, 0, 0);
        data.Labels[^3..].ToArray().Should().Equal(3, 0, 5);
        images.shape.Should().Equal(60_000, 28, 28);
        images.mean().item<float>().Should().BeApproximately((float)PublishedMean, 5e-5f, "the published mean is given to 4 decimals");
        images.std().item<float>().Should().BeApproximately((float)PublishedStd, 5e-5f, "the published standard deviation is given to 4 decimals");
    }

    [Test]
    public void The_full_test_set_loads_where_the_Debian_package_is_installed()
    {
        AssumeFullSetInstalled();
        ImageDataset data = FashionMnist.Load(DataSplit.Test, FashionMnist.DebianFolder);
        (data.Count, data.Source.IsFullSet).Should().Be((10_000, true));
        data.CountPerClass().Should().Equal(Enumerable.Repeat(1000, 10));
    }

    [TestCase(DataSplit.Train)]
    [TestCase(DataSplit.Test)]
    public void Every_image_of_the_subset_is_an_image_of_the_full_set_with_the_same_label(DataSplit split)
    {
        AssumeFullSetInstalled();
        ImageDataset full = FashionMnist.Load(split, FashionMnist.DebianFolder);
        ImageDataset subset = FashionMnist.Load(split, SubsetFolder);

        // Fashion-MNIST has a few identical images, so an image may carry more than one label.
        var labelsByImage = new Dictionary<string, HashSet<byte>>();
        for (int i = 0; i < full.Count; i++)
        {
            string key = Convert.ToHexString(SHA256.HashData(full.Pixels.Span.Slice(i * 784, 784)));
            (labelsByImage.TryGetValue(key, out HashSet<byte>? labels) ? labels : labelsByImage[key] = []).Add(full.Labels.Span[i]);
        }

        var strays = Enumerable.Range(0, subset.Count)
            .Where(i => !(labelsByImage.TryGetValue(Convert.ToHexString(SHA256.HashData(subset.Pixels.Span.Slice(i * 784, 784))), out HashSet<byte>? labels)
                && labels.Contains(subset.Labels.Span[i])))
            .ToList();
        strays.Should().BeEmpty("the subset was cut from the full set (data/README.md), so every image and label comes from it");
    }

    private static void AssumeFullSetInstalled()
    {
        if (!File.Exists(Path.Combine(FashionMnist.DebianFolder, "train-images-idx3-ubyte.gz")))
        {
            Assert.Ignore($"The full Fashion-MNIST set is not installed in {FashionMnist.DebianFolder} " +
                "(Debian/Ubuntu: sudo apt-get install dataset-fashion-mnist); the shipped subset is tested instead.");
        }
    }
}
