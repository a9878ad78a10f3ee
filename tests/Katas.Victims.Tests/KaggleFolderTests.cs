using FluentAssertions;
using Katas.Testing;
using SkiaSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Victims.Tests;

public sealed class KaggleFolderTests : KataTest
{
    private string folder = null!;

    [SetUp]
    public void MakeFolder() => folder = Directory.CreateTempSubdirectory("katas-kaggle").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Photos_are_read_in_class_then_number_order_and_every_bad_file_is_reported_by_name()
    {
        // Generated pictures 0..5 of seed 4 (cats at even indices) saved as Kaggle would name them, out of order.
        WriteJpeg("dog.12.jpg", index: 1);
        WriteJpeg("cat.2.jpg", index: 0);
        WriteJpeg("cat.10.jpg", index: 2);
        WriteJpeg("dog.3.jpg", index: 3);
        WriteJpeg("cat.7.jpg", index: 4);
        WriteJpeg("dog.40.jpg", index: 5);
        File.WriteAllBytes(Path.Combine(folder, "cat.99.jpg"), Enumerable.Range(0, 3000).Select(i => (byte)((i * 7919) % 251)).ToArray());
        byte[] jpeg = Jpeg(index: 6);
        File.WriteAllBytes(Path.Combine(folder, "dog.100.jpg"), jpeg.AsSpan(0, jpeg.Length / 3).ToArray());
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not a photo");
        WriteJpeg("1.jpg", index: 7);
        File.WriteAllBytes(Path.Combine(folder, "dog.5.jpg"), []);
        Directory.CreateDirectory(Path.Combine(folder, "subfolder"));

        using KaggleFolder loaded = PetPhotos.LoadKaggleFolder(folder);

        loaded.Pictures.Names.Should().Equal("cat.2.jpg", "cat.7.jpg", "cat.10.jpg", "dog.3.jpg", "dog.12.jpg", "dog.40.jpg");
        loaded.Pictures.Labels.data<long>().ToArray().Should().Equal(0, 0, 0, 1, 1, 1);
        TensorAssert.HasShape(loaded.Pictures.Images, [6, 3, 128, 128], "the loaded photos");
        loaded.SkippedCount.Should().Be(5);
        loaded.Skipped.Select(s => s.Name).Should().BeEquivalentTo("cat.99.jpg", "dog.100.jpg", "notes.txt", "1.jpg", "dog.5.jpg");
        loaded.Skipped.Single(s => s.Name == "dog.100.jpg").Reason.Should().Contain("stops short");
        loaded.Skipped.Single(s => s.Name == "notes.txt").Reason.Should().Contain("name");
        loaded.Skipped.Single(s => s.Name == "cat.99.jpg").Reason.Should().Contain("not an image");
        loaded.Report().Should().Contain("6 pictures").And.Contain("5 files skipped").And.Contain("dog.100.jpg");

        // cat.7.jpg is generated picture 4: JPEG at quality 95 keeps it close.
        using LabelledImages original = PetPictures.Generate(seed: 4, firstIndex: 4, count: 1);
        double difference = (loaded.Pictures.Images[1] - original.Images[0]).abs().mean().item<float>();
        difference.Should().BeLessThan(0.03, "a 128 x 128 JPEG at quality 95 decodes to nearly the same pixels");
    }

    [Test]
    public void Photos_of_any_size_are_stretched_to_128_by_128()
    {
        using (var wide = new SKBitmap(300, 150))
        using (var canvas = new SKCanvas(wide))
        {
            canvas.Clear(SKColors.Red);
            using var blue = new SKPaint { Color = SKColors.Blue };
            canvas.DrawRect(150, 0, 150, 150, blue);
            using var data = wide.Encode(SKEncodedImageFormat.Png, 100);
            File.WriteAllBytes(Path.Combine(folder, "cat.1.png"), data.ToArray());
        }

        using KaggleFolder loaded = PetPhotos.LoadKaggleFolder(folder);

        TensorAssert.HasShape(loaded.Pictures.Images, [1, 3, 128, 128], "a 300 x 150 photo after loading");
        using Tensor picture = loaded.Pictures.Images[0];
        picture[0, 64, 10].item<float>().Should().BeApproximately(1f, 0.01f, "the left half is red");
        picture[2, 64, 117].item<float>().Should().BeApproximately(1f, 0.01f, "the right half is blue, stretched to the right half");
        picture[0, 64, 117].item<float>().Should().BeApproximately(0f, 0.01f);
    }

    [Test]
    public void MaxPerClass_takes_the_lowest_numbers_of_each_class()
    {
        for (int i = 0; i < 6; i++)
        {
            WriteJpeg($"{(i % 2 == 0 ? "cat" : "dog")}.{i}.jpg", index: i);
        }

        using KaggleFolder loaded = PetPhotos.LoadKaggleFolder(folder, maxPerClass: 2);

        loaded.Pictures.Names.Should().Equal("cat.0.jpg", "cat.2.jpg", "dog.1.jpg", "dog.3.jpg");
        loaded.SkippedCount.Should().Be(0);
    }

    [Test]
    public void An_empty_folder_gives_no_pictures_and_a_missing_one_a_clear_error()
    {
        using (KaggleFolder empty = PetPhotos.LoadKaggleFolder(folder))
        {
            empty.Pictures.Count.Should().Be(0);
            TensorAssert.HasShape(empty.Pictures.Images, [0, 3, 128, 128], "no pictures");
        }

        string missing = Path.Combine(folder, "no-such-folder");
        FluentActions.Invoking(() => PetPhotos.LoadKaggleFolder(missing)).Should().Throw<DirectoryNotFoundException>().WithMessage($"*{missing}*cat.N.jpg*");
    }

    private void WriteJpeg(string name, int index) => File.WriteAllBytes(Path.Combine(folder, name), Jpeg(index));

    private static byte[] Jpeg(int index)
    {
        using SKBitmap bitmap = PetPictures.Draw(seed: 4, index);
        using SKData data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 95);
        return data.ToArray();
    }
}
