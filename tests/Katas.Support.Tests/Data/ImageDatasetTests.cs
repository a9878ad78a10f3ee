using FluentAssertions;
using Katas.Data;
using Katas.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Support.Tests.Data;

public sealed class ImageDatasetTests : KataTest
{
    private IdxTestFiles _files = null!;

    [SetUp]
    public void CreateFolder() => _files = new IdxTestFiles();

    [TearDown]
    public void DeleteFolder() => _files.Dispose();

    private ImageDataset Read(string images, string labels, int? limit = null, ImageDatasetInfo? dataset = null) =>
        ImageDataset.Read(dataset ?? FashionMnist.Info, DataSplit.Train, new DatasetFiles(images, labels, new SearchLocation(_files.Folder, DataOrigin.Parameter, "a test folder")), limit);

    [TestCase(false)]
    [TestCase(true)]
    public void A_pair_of_files_loads_with_its_labels_pixels_and_source(bool gzip)
    {
        (string images, string labels) = _files.SavePair(_files.Folder, "train", 20, gzip, i => 9 - (i % 10));

        ImageDataset data = Read(images, labels);

        data.Count.Should().Be(20);
        (data.Rows, data.Columns).Should().Be((28, 28));
        data.Labels.ToArray().Should().Equal(Enumerable.Range(0, 20).Select(i => (byte)(9 - (i % 10))));
        data.Pixels.Length.Should().Be(20 * 784);
        data.Pixels.Span[(13 * 784) + 500].Should().Be(13, "every pixel of image 13 is 13 in this file");
        data.ClassNames[9].Should().Be("Ankle boot");
        data.CountPerClass().Should().Equal(Enumerable.Repeat(2, 10));
        data.Source.Should().BeEquivalentTo(new { Dataset = "Fashion-MNIST", Split = DataSplit.Train, ImagesFile = images, LabelsFile = labels, FileCount = 20, LoadedCount = 20, FullCount = 60_000, IsFullSet = false });
        data.Source.ToString().Should().Be($"Fashion-MNIST train: 20 of the 20 images in {images} and {Path.GetFileName(labels)} (a test folder); a subset of the published 60,000");
    }

    [Test]
    public void A_limit_loads_the_first_images_and_the_source_says_so()
    {
        (string images, string labels) = _files.SavePair(_files.Folder, "train", 20, gzip: false);

        ImageDataset data = Read(images, labels, limit: 5);

        data.Count.Should().Be(5);
        data.Labels.ToArray().Should().Equal(0, 1, 2, 3, 4);
        data.Pixels.Length.Should().Be(5 * 784);
        data.Pixels.Span[(4 * 784) + 783].Should().Be(4);
        (data.Source.LoadedCount, data.Source.FileCount).Should().Be((5, 20));
        data.Source.ToString().Should().Contain("5 of the 20 images");
        Read(images, labels, limit: 1000).Count.Should().Be(20, "a limit above the file's count loads everything");
        Action negative = () => Read(images, labels, limit: -1);
        negative.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("limit");
    }

    [Test]
    public void Tensors_have_the_shapes_and_types_a_network_expects()
    {
        (string images, string labels) = _files.SavePair(_files.Folder, "train", 6, gzip: false);
        byte[] pixels = IdxTestFiles.Pattern(6 * 784);
        File.WriteAllBytes(images, IdxTestFiles.Idx(0x08, [6, 28, 28], pixels));
        ImageDataset data = Read(images, labels);
        using var scope = torch.NewDisposeScope();

        Tensor bytes = data.ImagesAsBytes();
        Tensor floats = data.ImagesAsFloats();
        Tensor longs = data.LabelsAsLong();

        bytes.shape.Should().Equal(6, 28, 28);
        bytes.dtype.Should().Be(ScalarType.Byte);
        bytes.data<byte>().ToArray().Should().Equal(pixels);
        floats.shape.Should().Equal(6, 28, 28);
        floats.dtype.Should().Be(ScalarType.Float32);
        float[] scaled = floats.data<float>().ToArray();
        scaled.Select((value, i) => Math.Abs(value - (pixels[i] / 255f))).Max().Should().BeLessThan(1e-7f, "pixels are divided by 255");
        longs.dtype.Should().Be(ScalarType.Int64);
        longs.data<long>().ToArray().Should().Equal(0, 1, 2, 3, 4, 5);
    }

    [Test]
    public void The_byte_tensor_is_a_copy_so_changing_it_leaves_the_data_set_alone()
    {
        (string images, string labels) = _files.SavePair(_files.Folder, "train", 2, gzip: false);
        ImageDataset data = Read(images, labels);
        using var scope = torch.NewDisposeScope();

        data.ImagesAsBytes().fill_(200);
        data.LabelsAsLong().fill_(7);

        data.Pixels.Span[784].Should().Be(1);
        data.ImagesAsBytes()[1, 0, 0].item<byte>().Should().Be(1);
        data.Labels.Span[1].Should().Be(1);
    }

    [TestCase(false)]
    [TestCase(true)]
    public void An_images_file_without_three_dimensions_is_refused(bool gzip)
    {
        string images = _files.Save("train-images-idx3-ubyte", IdxTestFiles.Idx(4), gzip);
        string labels = _files.Save("train-labels-idx1-ubyte", IdxTestFiles.Idx(0x08, [4], [0, 1, 2, 3]), gzip);
        Action read = () => Read(images, labels);
        read.Should().Throw<DataFormatException>().Where(e => e.File == images)
            .WithMessage($"{images}: an images file has 3 dimensions (images x rows x columns); this one has 1 (4). Is it a labels file?");
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Images_of_another_size_are_refused(bool gzip)
    {
        string images = _files.Save("train-images-idx3-ubyte", IdxTestFiles.Idx(3, 14, 28), gzip);
        string labels = _files.Save("train-labels-idx1-ubyte", IdxTestFiles.Idx(0x08, [3], [0, 1, 2]), gzip);
        Action read = () => Read(images, labels);
        read.Should().Throw<DataFormatException>().Where(e => e.File == images)
            .WithMessage($"{images}: the images are 14 x 28 pixels; Fashion-MNIST images are 28 x 28.");
    }

    [TestCase(false)]
    [TestCase(true)]
    public void A_labels_file_with_more_than_one_dimension_is_refused(bool gzip)
    {
        (string images, _) = _files.SavePair(_files.Folder, "train", 2, gzip);
        string labels = _files.Save("other-labels-idx2-ubyte", IdxTestFiles.Idx(2, 1), gzip);
        Action read = () => Read(images, labels);
        read.Should().Throw<DataFormatException>().Where(e => e.File == labels)
            .WithMessage($"{labels}: a labels file has 1 dimension (one label per image); this one has 2 (2 x 1). Is it an images file?");
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Image_and_label_counts_that_disagree_are_refused_naming_both_files(bool gzip)
    {
        (string images, _) = _files.SavePair(_files.Folder, "train", 20, gzip);
        string labels = _files.Save("t10k-labels-idx1-ubyte", IdxTestFiles.Idx(0x08, [19], new byte[19]), gzip);
        Action read = () => Read(images, labels);
        read.Should().Throw<DataFormatException>().Where(e => e.File == labels)
            .WithMessage($"{labels}: the file holds 19 labels but {images} holds 20 images: the two files don't belong together.");
    }

    [TestCase(false)]
    [TestCase(true)]
    public void A_label_outside_the_classes_is_refused(bool gzip)
    {
        (string images, string labels) = _files.SavePair(_files.Folder, "train", 5, gzip, i => i == 3 ? 10 : 0);
        Action read = () => Read(images, labels);
        read.Should().Throw<DataFormatException>().Where(e => e.File == labels)
            .WithMessage($"{labels}: label 10 of image 3 is outside 0..9 (Fashion-MNIST has 10 classes).");
    }

    [Test]
    public void A_file_with_no_images_is_refused()
    {
        (string images, string labels) = _files.SavePair(_files.Folder, "train", 0, gzip: true);
        Action read = () => Read(images, labels);
        read.Should().Throw<DataFormatException>().WithMessage($"{images}: the file holds no images.");
    }

    [Test]
    public void MNIST_loads_the_same_way_from_a_folder_the_user_names()
    {
        // Some mirrors spell the names with a dot (t10k-images.idx3-ubyte): both spellings are found.
        string folder = Path.Combine(_files.Folder, "my-mnist");
        byte[] pixels = IdxTestFiles.Pattern(3 * 784);
        _files.Save("t10k-images.idx3-ubyte", IdxTestFiles.Idx(0x08, [3, 28, 28], pixels), gzip: false, folder);
        _files.Save("t10k-labels.idx1-ubyte", IdxTestFiles.Idx(0x08, [3], [7, 2, 1]), gzip: false, folder);

        ImageDataset digits = Mnist.Load(DataSplit.Test, folder);

        digits.Labels.ToArray().Should().Equal(7, 2, 1);
        digits.Pixels.ToArray().Should().Equal(pixels);
        digits.ClassNames.Should().Equal("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        digits.Source.Dataset.Should().Be("MNIST");
        digits.Source.Location.Origin.Should().Be(DataOrigin.Parameter);
        digits.Source.ImagesFile.Should().Be(Path.Combine(folder, "t10k-images.idx3-ubyte"));
        digits.Source.ToString().Should().StartWith("MNIST test: 3 of the 3 images").And.EndWith("a subset of the published 10,000");
    }
}
