using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Dense;

/// <summary>Task 2: one epoch's batches, as in the book's BatchGenerator, optionally in a shuffled order.</summary>
public sealed class BatchGenerator
{
    /// <summary>
    /// Prepares one epoch over <paramref name="images"/> and <paramref name="labels"/> in batches of
    /// <paramref name="batchSize"/>: every sample exactly once, the last batch shorter when the count is not a
    /// multiple of the batch size. With <paramref name="shuffle"/>, the order is a random permutation drawn from
    /// it (torch.randperm), the same for images and labels; without, the data's own order.
    /// </summary>
    /// <param name="images">Samples, [n, ...].</param>
    /// <param name="labels">Their labels, [n].</param>
    /// <param name="batchSize">Samples per batch, 1 or more.</param>
    /// <param name="shuffle">The generator for the order, or null to keep the data's order.</param>
    /// <exception cref="ArgumentException">The counts of images and labels differ, or the batch size is below 1.</exception>
    public BatchGenerator(Tensor images, Tensor labels, int batchSize, Generator? shuffle = null)
    {
        throw new NotImplementedException(
            "Kata 05, task 2 (BatchGenerator constructor) is not implemented yet: see katas/05-dense/README.md, task 2.");
    }

    /// <summary>Samples per batch (the last batch may have fewer).</summary>
    public int BatchSize { get; }

    /// <summary>Batches in the epoch: the sample count divided by the batch size, rounded up.</summary>
    public int BatchCount { get; }

    /// <summary>
    /// The next batch: images [m, ...] and their labels [m], m = BatchSize except perhaps for the last.
    /// </summary>
    /// <exception cref="InvalidOperationException">All <see cref="BatchCount"/> batches were already returned.</exception>
    public (Tensor Images, Tensor Labels) Next()
    {
        throw new NotImplementedException(
            "Kata 05, task 2 (BatchGenerator.Next) is not implemented yet: see katas/05-dense/README.md, task 2.");
    }
}
