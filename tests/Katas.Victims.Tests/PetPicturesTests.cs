using FluentAssertions;
using Katas.Testing;
using SkiaSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Victims.Tests;

public sealed class PetPicturesTests : KataTest
{
    [Test]
    public void Generate_gives_channels_first_float_pictures_in_the_unit_interval_and_int64_labels()
    {
        using LabelledImages set = PetPictures.Generate(seed: 5, firstIndex: 0, count: 6);

        TensorAssert.HasShape(set.Images, [6, 3, 128, 128], "Generate(5, 0, 6).Images");
        TensorAssert.HasDtype(set.Images, ScalarType.Float32, "the images");
        TensorAssert.HasShape(set.Labels, [6], "the labels");
        TensorAssert.HasDtype(set.Labels, ScalarType.Int64, "the labels");
        set.Images.min().item<float>().Should().BeGreaterThanOrEqualTo(0f);
        set.Images.max().item<float>().Should().BeLessThanOrEqualTo(1f);
        set.Images.std().item<float>().Should().BeGreaterThan(0.05f, "a picture is not a flat colour");
        set.Names.Should().Equal(Enumerable.Range(0, 6).Select(i => $"seed 5 picture {i}"));
    }

    [Test]
    public void Picture_i_of_seed_s_is_the_same_however_and_whenever_it_is_drawn()
    {
        using LabelledImages run = PetPictures.Generate(seed: 11, firstIndex: 40, count: 8);
        using LabelledImages single = PetPictures.Generate(seed: 11, firstIndex: 45, count: 1);
        using LabelledImages again = PetPictures.Generate(seed: 11, firstIndex: 40, count: 8);
        using SKBitmap drawn = PetPictures.Draw(seed: 11, index: 45);
        using Tensor fromBitmap = ImageTensorsFromBitmap(drawn);

        run.Images.allclose(again.Images, rtol: 0, atol: 0).Should().BeTrue("generating the same range twice must give the same pixels");
        run.Images[5].allclose(single.Images[0], rtol: 0, atol: 0).Should().BeTrue("picture 45 must not depend on the pictures generated with it");
        fromBitmap.allclose(single.Images[0], rtol: 0, atol: 0).Should().BeTrue("Draw and Generate must give the same picture");
    }

    [Test]
    public void Different_seeds_and_neighbouring_indices_give_different_pictures()
    {
        using LabelledImages a = PetPictures.Generate(seed: 1, firstIndex: 0, count: 4);
        using LabelledImages b = PetPictures.Generate(seed: 2, firstIndex: 0, count: 4);

        for (int i = 0; i < 4; i++)
        {
            (a.Images[i] - b.Images[i]).abs().mean().item<float>().Should().BeGreaterThan(0.05f, $"picture {i} of seeds 1 and 2 should be unrelated");
        }

        (a.Images[0] - a.Images[2]).abs().mean().item<float>().Should().BeGreaterThan(0.05f, "pictures 0 and 2 of one seed (two cats) should differ");
    }

    [Test]
    public void Classes_alternate_so_any_run_of_indices_is_balanced()
    {
        PetPictures.ClassOf(0).Should().Be(PetClass.Cat);
        PetPictures.ClassOf(1).Should().Be(PetClass.Dog);
        using LabelledImages set = PetPictures.Generate(seed: 3, firstIndex: 1_000_001, count: 21);

        long[] labels = set.Labels.data<long>().ToArray();
        labels.Count(l => l == (long)PetClass.Dog).Should().Be(11);
        labels.Count(l => l == (long)PetClass.Cat).Should().Be(10);
        labels.Should().Equal(Enumerable.Range(1_000_001, 21).Select(i => (long)PetPictures.ClassOf(i)));
    }

    [Test]
    public void Colour_statistics_alone_do_not_tell_cats_from_dogs()
    {
        // A nearest-centroid classifier on each picture's per-channel mean and standard deviation, fitted on
        // 200 pictures and tested on 200 others: if colour gave the class away, it would score far above chance.
        using LabelledImages fit = PetPictures.Generate(seed: 21, firstIndex: 0, count: 200);
        using LabelledImages test = PetPictures.Generate(seed: 21, firstIndex: 200, count: 200);

        using Tensor fitFeatures = ColourFeatures(fit.Images);
        using Tensor testFeatures = ColourFeatures(test.Images);
        using Tensor mean = fitFeatures.mean([0]);
        using Tensor std = fitFeatures.std(0);
        using Tensor fitZ = (fitFeatures - mean) / std;
        using Tensor testZ = (testFeatures - mean) / std;
        using Tensor cats = fitZ[fit.Labels.eq(0)].mean([0]);
        using Tensor dogs = fitZ[fit.Labels.eq(1)].mean([0]);
        using Tensor predicted = (testZ - dogs).square().sum(1).lt((testZ - cats).square().sum(1)).to(ScalarType.Int64);
        double accuracy = predicted.eq(test.Labels).to(ScalarType.Float32).mean().item<float>();

        accuracy.Should().BeLessThan(0.65, "a classifier on colour statistics alone should be near chance (0.5); the classes must differ by shape, not colour");
    }

    [Test]
    public void Bad_arguments_are_named()
    {
        FluentActions.Invoking(() => PetPictures.Generate(1, -1, 2)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("firstIndex");
        FluentActions.Invoking(() => PetPictures.Generate(1, 0, -2)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("count");
        FluentActions.Invoking(() => PetPictures.Draw(1, -5)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("index");
    }

    [Test]
    public void ToBitmap_round_trips_a_generated_picture_exactly()
    {
        using LabelledImages set = PetPictures.Generate(seed: 8, firstIndex: 3, count: 1);
        using SKBitmap bitmap = ImageTensors.ToBitmap(set.Images[0]);
        using Tensor back = ImageTensorsFromBitmap(bitmap);

        bitmap.Width.Should().Be(128);
        back.allclose(set.Images[0], rtol: 0, atol: 0).Should().BeTrue("generated pictures are on the 1/255 grid, so bytes and back lose nothing");
        FluentActions.Invoking(() => ImageTensors.ToBitmap(set.Images)).Should().Throw<ArgumentException>().WithMessage("*[3, H, W]*");
    }

    /// <summary>[3, 128, 128] floats of a bitmap, read independently of the library's conversion (GetPixel per pixel).</summary>
    private static Tensor ImageTensorsFromBitmap(SKBitmap bitmap)
    {
        float[] values = new float[3 * bitmap.Width * bitmap.Height];
        int plane = bitmap.Width * bitmap.Height;
        for (int y = 0; y < bitmap.Height; y++)
        {
            for (int x = 0; x < bitmap.Width; x++)
            {
                SKColor colour = bitmap.GetPixel(x, y);
                values[(y * bitmap.Width) + x] = colour.Red / 255f;
                values[plane + (y * bitmap.Width) + x] = colour.Green / 255f;
                values[(2 * plane) + (y * bitmap.Width) + x] = colour.Blue / 255f;
            }
        }

        return torch.tensor(values, [3, bitmap.Height, bitmap.Width]);
    }

    /// <summary>Per picture: mean and standard deviation of each channel, [N, 6].</summary>
    private static Tensor ColourFeatures(Tensor images)
    {
        using Tensor flat = images.flatten(2);
        return torch.cat([flat.mean([2]), flat.std(2)], 1);
    }
}
