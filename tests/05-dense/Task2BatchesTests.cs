using Katas.Testing;
using Katas.Testing.Coaching;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Dense.Tests;

/// <summary>Task 2: Preprocessing.Flatten and BatchGenerator.</summary>
[KataTask(2)]
public sealed class Task2BatchesTests : KataTest
{
    [Test]
    public void Flatten_makes_float32_vectors_of_784_pixels_row_after_row_scaled_to_0_1()
    {
        var bytes = new byte[2 * 28 * 28];
        bytes[5 * 28 + 7] = 255;           // image 0, row 5, column 7
        bytes[784 + 27 * 28 + 27] = 51;    // image 1, last pixel
        using Tensor images = torch.tensor(bytes, [2, 28, 28], dtype: ScalarType.Byte);
        Tensor flat = LearnerCode.Run(() => Preprocessing.Flatten(images), "Preprocessing.Flatten");
        TensorAssert.HasShape(flat, [2, 784], "Flatten of 2 images of 28 × 28");
        TensorAssert.HasDtype(flat, ScalarType.Float32, "Flatten's result",
            "the bytes were converted to another dtype than float32 (networks take float32): images.to_type(ScalarType.Float32), then divide by 255.");
        double[] values = TensorAssert.ToDoubles(flat);
        Assert.Multiple(() =>
        {
            Assert.That(values[5 * 28 + 7], Is.EqualTo(1.0).Within(1e-7), "A byte of 255 should become 1: divide by 255.");
            Assert.That(values[784 + 783], Is.EqualTo(0.2).Within(1e-7), "A byte of 51 should become 0.2 (51/255), at the end of the second row.");
            Assert.That(values.Count(v => v != 0), Is.EqualTo(2), "Only the two inked pixels should be non-zero: reshape keeps rows in order.");
        });
    }

    [Test]
    public void Flatten_keeps_every_pixel_of_pictures_that_are_not_square()
    {
        // 2 pictures of 3 rows × 5 columns: each becomes 15 values, row after row.
        byte[] bytes = Enumerable.Range(0, 2 * 3 * 5).Select(i => (byte)(i * 8)).ToArray();
        using Tensor images = torch.tensor(bytes, [2, 3, 5], dtype: ScalarType.Byte);
        (Tensor? flat, string? refused) = LearnerCode.Run<(Tensor?, string?)>(() =>
        {
            try
            {
                return (Preprocessing.Flatten(images), null);
            }
            catch (System.Runtime.InteropServices.ExternalException e)
            {
                // libtorch's own words for a reshape that does not fit ("shape '[2, 9]' is invalid for input of size 30").
                return (null, e.Message.Split('\n')[0]);
            }
        }, "Preprocessing.Flatten");
        const string RowsTimesRows = "Likely cause: the length of a picture's vector is computed from one axis twice (rows × rows), which only works for " +
                                     "square pictures like Fashion-MNIST's 28 × 28: it is rows × columns, images.shape[1] * images.shape[2].";
        Assert.That(refused, Is.Null, $"Expected: pictures [2, 3, 5] flatten to [2, 15] (3·5 pixels each). Got: libtorch refused the reshape: {refused}. {RowsTimesRows}");
        Assert.That(flat!.shape, Is.EqualTo(new long[] { 2, 15 }), $"Expected: pictures [2, 3, 5] flatten to [2, 15]. Got: [{string.Join(", ", flat.shape)}]. {RowsTimesRows}");
        TensorAssert.Close(flat, bytes.Select(b => b / 255.0).ToArray(), [2, 15], "The flattened 3 × 5 pictures (picture i's pixel [r, c] at [i, 5·r + c], over 255)",
            rtol: 1e-6, atol: 1e-7);
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Every_sample_comes_exactly_once_per_epoch_with_a_short_last_batch(bool shuffled)
    {
        (Tensor images, Tensor labels) = Numbered(1000);
        List<(long[] Images, long[] Labels)> batches = Epoch(images, labels, 128, shuffled ? new Generator(3) : null);
        Assert.That(batches.Select(b => b.Labels.Length), Is.EqualTo(new[] { 128, 128, 128, 128, 128, 128, 128, 104 }),
            "1,000 samples in batches of 128 make 8 batches: seven full and a last one of 104. " +
            "Round the batch count up, and cut the last batch at the end of the data.");
        long[] seen = batches.SelectMany(b => b.Images).Order().ToArray();
        long[] missing = Enumerable.Range(0, 1000).Select(i => (long)i).Except(seen).ToArray();
        long[] repeated = seen.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        Assert.That(missing.Length + repeated.Length, Is.Zero,
            $"Every sample should come exactly once per epoch; missing {missing.Length} (e.g. {string.Join(", ", missing.Take(5))}), " +
            $"repeated {repeated.Length} (e.g. {string.Join(", ", repeated.Take(5))}).");
    }

    [TestCase(true)]
    [TestCase(false)]
    public void An_epoch_of_a_multiple_of_the_batch_size_has_only_full_batches(bool shuffled)
    {
        // 512 = 4 · 128: an extra empty batch would make a NaN loss (the mean of nothing) and NaN weights after its step.
        (Tensor images, Tensor labels) = Numbered(512);
        List<(long[] Images, long[] Labels)> batches = Epoch(images, labels, 128, shuffled ? new Generator(3) : null);
        Assert.That(batches.Select(b => b.Labels.Length), Is.EqualTo(new[] { 128, 128, 128, 128 }),
            $"Expected: 512 samples in batches of 128 make exactly 4 full batches. Got: {batches.Count} batches of " +
            $"{string.Join(", ", batches.Select(b => b.Labels.Length))}. " +
            (batches.Count == 4 && batches[^1].Labels.Length == 0
                ? "Likely cause: the last batch's size is count % size, which is 0 when the size divides the count; a batch holds " +
                  "min(size, count − start) samples."
                : "Likely cause: the batch count is count / size + 1, which is one too many when the size divides the count; round up " +
                  "instead: (count + size − 1) / size."));
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void A_batch_size_below_1_is_an_ArgumentException(int batchSize)
    {
        (Tensor images, Tensor labels) = Numbered(10);
        Exception? thrown = LearnerCode.Run(() => Thrown.By(() => new BatchGenerator(images, labels, batchSize)), $"new BatchGenerator (batchSize: {batchSize})");
        Assert.That(thrown, Is.InstanceOf<ArgumentException>(),
            $"A batch size of {batchSize} must be refused with an ArgumentException (ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1)): " +
            (batchSize == 0 ? "0 samples per batch divides by zero when counting the batches" : "a negative size makes an epoch without batches, so Fit would train without a single step") +
            ". " + (thrown is null ? "Yours accepted it." : $"Yours threw {thrown.GetType().Name}: {thrown.Message.Split('\n')[0]}"));
    }

    [Test]
    public void Shuffled_images_keep_their_own_labels()
    {
        (Tensor images, Tensor labels) = Numbered(300);
        foreach ((long[] batchImages, long[] batchLabels) in Epoch(images, labels, 64, new Generator(9)))
        {
            for (int i = 0; i < batchImages.Length; i++)
            {
                Assert.That(batchLabels[i], Is.EqualTo(batchImages[i]),
                    $"Image {batchImages[i]} came with label {batchLabels[i]}, which belongs to image {batchLabels[i]}: " +
                    "shuffle images and labels with the same permutation, or the network learns noise.");
            }
        }
    }

    [Test]
    public void Shuffling_draws_a_new_order_from_the_generator_and_no_generator_keeps_the_datas_order()
    {
        (Tensor images, Tensor labels) = Numbered(200);
        long[] plain = Epoch(images, labels, 50, null).SelectMany(b => b.Images).ToArray();
        long[] first = Epoch(images, labels, 50, new Generator(4)).SelectMany(b => b.Images).ToArray();
        long[] again = Epoch(images, labels, 50, new Generator(4)).SelectMany(b => b.Images).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(plain, Is.EqualTo(Enumerable.Range(0, 200).Select(i => (long)i)), "Without a generator the batches follow the data's order.");
            Assert.That(first, Is.Not.EqualTo(plain), "With a generator the order should be shuffled (torch.randperm(n, generator: shuffle)).");
            Assert.That(again, Is.EqualTo(first), "The same seed should give the same order: draw the permutation from the generator passed in.");
        });
    }

    [Test]
    public void Bad_input_is_refused_with_a_clear_error()
    {
        (Tensor images, Tensor labels) = Numbered(10);
        using Tensor fewer = labels.narrow(0, 0, 9);
        Exception? mismatch = LearnerCode.Run(() => Thrown.By(() => new BatchGenerator(images, fewer, 4)), "new BatchGenerator with 10 images and 9 labels");
        Exception? pastTheEnd = LearnerCode.Run(() =>
        {
            var batches = new BatchGenerator(images, labels, 4);
            for (int i = 0; i < batches.BatchCount; i++)
            {
                batches.Next();
            }

            return Thrown.By(() => batches.Next());
        }, "BatchGenerator.Next after the last batch");
        Assert.Multiple(() =>
        {
            Assert.That(mismatch, Is.InstanceOf<ArgumentException>(), "10 images with 9 labels can't be paired: throw an ArgumentException saying so.");
            Assert.That(pastTheEnd, Is.InstanceOf<InvalidOperationException>(), "Next() after the last batch should throw InvalidOperationException, not wrap around or return an empty batch.");
        });
    }

    /// <summary>Samples whose only feature is their own index, labelled with the same index.</summary>
    private static (Tensor Images, Tensor Labels) Numbered(int count)
    {
        Tensor labels = torch.arange(count, dtype: ScalarType.Int64);
        Tensor images = labels.to_type(ScalarType.Float32).unsqueeze(1).repeat(1, 3);
        return (images, labels);
    }

    private static List<(long[] Images, long[] Labels)> Epoch(Tensor images, Tensor labels, int batchSize, Generator? shuffle) =>
        LearnerCode.Run(() =>
        {
            var batches = new BatchGenerator(images, labels, batchSize, shuffle);
            var result = new List<(long[], long[])>();
            for (int i = 0; i < batches.BatchCount; i++)
            {
                (Tensor x, Tensor y) = batches.Next();
                result.Add((Oracle.Longs(x.select(1, 0)), Oracle.Longs(y)));
            }

            return result;
        }, "BatchGenerator");

}
