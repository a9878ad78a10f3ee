using Katas.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Tensors.Tests;

/// <summary>Task 1: DataTensors, the book's data tensors.</summary>
[KataTask(1)]
public sealed class Task1DataTensorsTests : KataTest
{
    [Test]
    public void A_timeseries_of_the_books_stock_prices_has_rank_3_shape_250_390_3_and_dtype_float32()
    {
        // The book: a year of trading (250 days) × 390 minutes a day × 3 prices (current, highest, lowest).
        float[] values = RandomFloats(250 * 390 * 3, seed: 1);
        Tensor series = LearnerCode.Run(() => DataTensors.Timeseries(values, 250, 390, 3), "DataTensors.Timeseries");
        Assert.That(series.dim(), Is.EqualTo(3),
            $"A timeseries batch has rank 3 (samples, timesteps, features); yours has rank {series.dim()}, shape {Shapes.Text(series.shape)}.");
        TensorAssert.HasShape(series, [250, 390, 3], "The timeseries");
        TensorAssert.HasDtype(series, ScalarType.Float32, "The timeseries",
            "the values were converted: torch.tensor(values, shape) of a float[] is already float32.");
    }

    [Test]
    public void A_timeseries_keeps_the_values_in_sample_timestep_feature_order()
    {
        const int samples = 4, timesteps = 5, features = 3;
        float[] values = Enumerable.Range(0, samples * timesteps * features).Select(i => (float)i).ToArray();
        Tensor series = LearnerCode.Run(() => DataTensors.Timeseries(values, samples, timesteps, features), "DataTensors.Timeseries");
        TensorAssert.HasShape(series, [samples, timesteps, features], "The timeseries");
        foreach ((int s, int t, int f) in new[] { (0, 0, 1), (0, 1, 0), (1, 0, 0), (3, 4, 2), (2, 3, 1) })
        {
            float expected = values[(((s * timesteps) + t) * features) + f];
            float actual = series[s, t, f].ToSingle();
            Assert.That(actual, Is.EqualTo(expected),
                $"Element [{s}, {t}, {f}] (sample {s}, timestep {t}, feature {f}) should be values[({s}·{timesteps} + {t})·{features} + {f}] = {expected}; " +
                $"yours is {actual}. Likely cause: the axes are in another order. Reshape the values straight to [samples, timesteps, features]; " +
                "the last axis varies fastest.");
        }
    }

    [TestCase(59)]
    [TestCase(61)]
    public void A_timeseries_with_the_wrong_number_of_values_is_an_ArgumentException_naming_both_counts(int count)
    {
        float[] values = new float[count];
        ArgumentException error = Expect.ArgumentException(() => DataTensors.Timeseries(values, 4, 5, 3), "DataTensors.Timeseries",
            $"{count} values are given for 4 samples × 5 timesteps × 3 features (too {(count < 60 ? "few" : "many")})");
        Assert.That(error.Message, Does.Contain(count.ToString()).And.Contain("60"),
            $"The message should name both counts, the 60 values needed and the {count} given, so the caller sees what is wrong. Yours: \"{error.Message}\"");
    }

    [Test]
    public void Scaled_images_are_float32_in_0_to_1_with_the_same_shape()
    {
        // A batch of 8 color images of 6×5 pixels with 3 channels: [samples, height, width, channels].
        Tensor images = torch.randint(0, 256, [8, 6, 5, 3], dtype: ScalarType.Byte);
        images[0, 0, 0, 0] = torch.tensor((byte)255);
        images[0, 0, 0, 1] = torch.tensor((byte)0);
        Tensor scaled = LearnerCode.Run(() => DataTensors.ScaleImages(images), "DataTensors.ScaleImages");
        TensorAssert.HasShape(scaled, [8, 6, 5, 3], "The scaled images");
        TensorAssert.HasDtype(scaled, ScalarType.Float32, "The scaled images",
            "the pixels were converted to another dtype than float32 (to_type(ScalarType.Float64), or a division by the C# double 255.0 " +
            "after a float64 conversion). Networks take float32: images.to_type(ScalarType.Float32) / 255f. (The input's own dtype, uint8, " +
            "is not the one to keep: it has no fractions.)");
        double[] pixels = TensorAssert.ToDoubles(images);
        double max = TensorAssert.ToDoubles(scaled).Max();
        Assert.That(max, Is.Not.EqualTo(0.0), AllZero);
        Assert.That(max, Is.LessThanOrEqualTo(1.0),
            $"Scaled pixels should be in [0, 1], but the largest is {max}. Likely cause: the pixels were converted to float32 but not divided by 255.");
        TensorAssert.Close(scaled, pixels.Select(p => p / 255).ToArray(), [8, 6, 5, 3], "The scaled images (pixel / 255)", rtol: 1e-6, atol: 1e-7);
    }

    private const string AllZero = "Expected: pixels from 0 to 255 scaled to [0, 1]. Got: every scaled pixel is 0. Likely cause: 1 / 255 in C# is a " +
                                   "division of integers, which gives 0; divide by 255f (or multiply by 1f / 255).";

    [TestCase(100, TestName = "A_dark_batch_is_scaled_by_255_not_by_its_own_brightest_pixel")]
    [TestCase(0, TestName = "A_black_batch_scales_to_zeros_not_to_NaN")]
    public void A_batch_without_a_white_pixel_is_scaled_by_255(int brightest)
    {
        // Pixels are counts from 0 to 255 whatever the picture holds: a dark photograph stays dark.
        Tensor images = torch.randint(0, brightest + 1, [4, 3, 2, 3], dtype: ScalarType.Byte);
        images[0, 0, 0, 0] = torch.tensor((byte)brightest);
        Tensor scaled = LearnerCode.Run(() => DataTensors.ScaleImages(images), "DataTensors.ScaleImages");
        double[] expected = TensorAssert.ToDoubles(images).Select(p => p / 255).ToArray();
        double largest = TensorAssert.ToDoubles(scaled).Max();
        Assert.That(brightest > 0 && largest == 0, Is.False, AllZero);
        Assert.That(largest, Is.EqualTo(brightest / 255.0).Within(1e-6),
            $"Expected: a batch whose brightest pixel is {brightest} scales to at most {brightest}/255 = {brightest / 255.0:G4}. Got: a largest value of {largest:G4}. " +
            "Likely cause: the pixels were divided by the batch's own maximum (images.max()) instead of by 255: pixel values are counts from 0 to 255 " +
            "whatever the picture holds, so a dark picture must stay dark (and an all-black batch would divide 0 by 0).");
        TensorAssert.Close(scaled, expected, [4, 3, 2, 3], "The scaled images (pixel / 255)", rtol: 1e-6, atol: 1e-7);
    }

    [Test]
    public void Flattened_images_have_rank_2_and_one_row_per_image_read_row_by_row()
    {
        // The book's reshape of MNIST from [60000, 28, 28] to [60000, 784], on 10 images.
        Tensor images = torch.rand([10, 28, 28]);
        Tensor flat = LearnerCode.Run(() => DataTensors.FlattenSamples(images), "DataTensors.FlattenSamples");
        TensorAssert.HasShape(flat, [10, 784], "The flattened images");
        double[] expected = TensorAssert.ToDoubles(images);
        TensorAssert.Close(flat, expected, [10, 784],
            "The flattened images (image i's pixel [r, c] at [i, 28·r + c])", rtol: 0);
    }

    [Test]
    public void Flattened_colour_images_keep_every_channel_of_every_pixel()
    {
        // A batch of colour images, [samples, height, width, channels] like the book's [128, 256, 256, 3]: every axis after the first folds into one.
        Tensor images = torch.rand([4, 6, 5, 3]);
        (Tensor? flat, string? failure) = Flatten(images);
        // A code that handles rank 3 right (a non-square grey picture) but not rank 4 assumes rank 3; one that fails both multiplies rows by rows.
        string cause = failure is null && flat!.shape.SequenceEqual(new long[] { 4, 90 }) ? "" : Flatten(torch.rand([3, 4, 7])).Failure is null ? RankThree : RowsTimesRows;
        Assert.That(failure, Is.Null, $"Expected: [4, 6, 5, 3] flattens to [4, 90] (6·5·3 values per image). Got: libtorch refused the reshape: {failure}. {cause}");
        Assert.That(flat!.shape, Is.EqualTo(new long[] { 4, 90 }),
            $"Expected: [4, 6, 5, 3] flattens to [4, 90] (6·5·3 values per image). Got: {Shapes.Text(flat.shape)}. {cause}");
        TensorAssert.Close(flat, TensorAssert.ToDoubles(images), [4, 90], "The flattened colour images (row by row, channels last)", rtol: 0);
    }

    [Test]
    public void Flattened_images_that_are_not_square_keep_every_pixel()
    {
        // 3 grey images of 4 rows × 7 columns: a row of the flattened batch holds 4·7 = 28 pixels, not 4·4 or 7·7.
        Tensor images = torch.rand([3, 4, 7]);
        (Tensor? flat, string? failure) = Flatten(images);
        Assert.That(failure, Is.Null, $"Expected: [3, 4, 7] flattens to [3, 28] (4·7 pixels per image). Got: libtorch refused the reshape: {failure}. {RowsTimesRows}");
        Assert.That(flat!.shape, Is.EqualTo(new long[] { 3, 28 }),
            $"Expected: [3, 4, 7] flattens to [3, 28] (4·7 pixels per image). Got: {Shapes.Text(flat.shape)}. {RowsTimesRows}");
        TensorAssert.Close(flat, TensorAssert.ToDoubles(images), [3, 28], "The flattened 4 × 7 images (image i's pixel [r, c] at [i, 7·r + c])", rtol: 0);
    }

    [Test]
    public void Images_that_were_transposed_flatten_too()
    {
        // Channels-first pictures [2, 3, 4, 5] turned channels-last with permute: the same values in another order, and a tensor that
        // is not contiguous in memory, which view() refuses and reshape() copies.
        Tensor images = torch.rand([2, 3, 4, 5]).permute(0, 2, 3, 1);
        (Tensor? flat, string? failure) = Flatten(images);
        Assert.That(failure, Is.Null,
            $"Expected: the permuted batch [2, 4, 5, 3] flattens to [2, 60]. Got: libtorch refused: {failure}. Likely cause: view() only works on a " +
            "tensor that is contiguous in memory, and a permuted (or transposed) one is not; reshape() works on both (it copies when it must).");
        TensorAssert.Close(flat!, TensorAssert.ToDoubles(images.contiguous()), [2, 60],
            "The flattened permuted images (each image's values in the order of its permuted axes)", rtol: 0);
    }

    private const string RankThree = "Likely cause: the code assumes rank 3 (MNIST's [samples, 28, 28]) and multiplies only shape[1]·shape[2]; keep axis 0 " +
                                     "and fold the rest: reshape(shape[0], -1).";

    private const string RowsTimesRows = "Likely cause: the length of a row is computed from one axis twice (shape[1]·shape[1], rows × rows), which only " +
                                         "works for square pictures like MNIST's 28 × 28; keep axis 0 and fold the rest: reshape(shape[0], -1).";

    /// <summary>Your FlattenSamples, or libtorch's own words when it refuses the reshape ("shape '[4, 30]' is invalid for input of size 360").</summary>
    private static (Tensor? Flat, string? Failure) Flatten(Tensor images) => LearnerCode.Run<(Tensor?, string?)>(() =>
    {
        try
        {
            return (DataTensors.FlattenSamples(images), null);
        }
        catch (System.Runtime.InteropServices.ExternalException e)
        {
            return (null, e.Message.Split('\n')[0]);
        }
    }, "DataTensors.FlattenSamples");

    [TestCase(0, 0, 128)]
    [TestCase(2, 256, 384)]
    [TestCase(7, 896, 1000)]
    public void Batch_n_holds_samples_n_times_size_up_to_n_plus_1_times_size(int n, int start, int end)
    {
        // 1000 samples of 28×28 in batches of 128, as the book slices MNIST; the last batch has 104.
        Tensor data = torch.arange(1000 * 28 * 28, dtype: ScalarType.Float32).reshape(1000, 28, 28);
        Tensor batch = LearnerCode.Run(() => DataTensors.Batch(data, 128, n), "DataTensors.Batch");
        TensorAssert.HasShape(batch, [end - start, 28, 28], $"Batch {n} of size 128 of 1000 samples");
        double first = batch[0, 0, 0].ToDouble() / (28 * 28);
        Assert.That(first, Is.EqualTo(start),
            $"Batch {n} should start with sample {start} (n · batch size); yours starts with sample {first}.");
    }

    [TestCase(128, 8, "batch 8 of size 128 starts at sample 1024 of 1000")]
    [TestCase(100, 10, "batch 10 of size 100 starts at sample 1000 of 1000, just past the last one (999): it would be empty")]
    [TestCase(128, -1, "the batch number is -1 (batches count from 0; a negative slice start would count from the end)")]
    public void A_batch_past_the_last_sample_is_an_ArgumentOutOfRangeException(int batchSize, int n, string situation)
    {
        Tensor data = torch.zeros([1000, 4]);
        ArgumentException error = Expect.ArgumentException(() => DataTensors.Batch(data, batchSize, n), "DataTensors.Batch", situation);
        Assert.That(error, Is.InstanceOf<ArgumentOutOfRangeException>(),
            $"A batch number out of range is an ArgumentOutOfRangeException (throw new ArgumentOutOfRangeException(nameof(n), ...)); yours threw {error.GetType().Name}.");
    }

    [Test]
    public void Stacked_clips_make_a_rank_5_video_batch_samples_frames_height_width_channels()
    {
        // The book's video batch is [4, 240, 144, 256, 3]; here 4 clips of 6 frames of 9×16 pixels, 3 channels.
        Tensor[] clips = Enumerable.Range(0, 4).Select(i => torch.full([6, 9, 16, 3], i, dtype: ScalarType.Float32)).ToArray();
        Tensor video = LearnerCode.Run(() => DataTensors.StackClips(clips), "DataTensors.StackClips");
        Assert.That(video.dim(), Is.EqualTo(5),
            $"A video batch has rank 5 (samples, frames, height, width, channels); yours has shape {Shapes.Text(video.shape)}. " +
            "Likely cause: torch.cat joins along an existing axis; torch.stack adds a new one.");
        TensorAssert.HasShape(video, [4, 6, 9, 16, 3], "The video batch");
        TensorAssert.HasDtype(video, ScalarType.Float32, "The video batch", "the clips were converted: torch.stack keeps their dtype.");
        for (int i = 0; i < 4; i++)
        {
            Assert.That(video[i].mean().ToDouble(), Is.EqualTo(i), $"Sample {i} of the video batch should be clip {i}.");
        }
    }

    private static float[] RandomFloats(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => (float)random.NextDouble()).ToArray();
    }
}
