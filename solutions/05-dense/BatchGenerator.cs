using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Dense;

/// <summary>Task 2: one epoch's batches, as in the book's BatchGenerator, optionally in a shuffled order.</summary>
public sealed class BatchGenerator
{
    private readonly Tensor _images;
    private readonly Tensor _labels;
    private readonly long[]? _order;
    private int _next;

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
        if (images.shape[0] != labels.shape[0])
        {
            throw new ArgumentException($"There are {images.shape[0]} images but {labels.shape[0]} labels: they must pair up one to one.", nameof(labels));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _images = images;
        _labels = labels;
        BatchSize = batchSize;
        long count = images.shape[0];
        BatchCount = (int)((count + batchSize - 1) / batchSize);
        if (shuffle is not null)
        {
            using Tensor permutation = torch.randperm(count, generator: shuffle);
            _order = permutation.data<long>().ToArray();
        }
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
        if (_next >= BatchCount)
        {
            throw new InvalidOperationException($"The epoch has only {BatchCount} batches; all were returned.");
        }

        long start = (long)_next * BatchSize;
        long size = Math.Min(BatchSize, _images.shape[0] - start);
        _next++;
        if (_order is null)
        {
            return (_images.narrow(0, start, size), _labels.narrow(0, start, size));
        }

        using Tensor indices = torch.tensor(_order.AsSpan((int)start, (int)size).ToArray());
        return (_images.index_select(0, indices), _labels.index_select(0, indices));
    }
}
