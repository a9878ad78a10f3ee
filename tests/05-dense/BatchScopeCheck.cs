using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Dense.Tests;

/// <summary>
/// Checks that a Fit frees each batch's tensors when the batch's step is done, not at the end of the epoch: the live tensor count
/// read at every training forward pass must stay level from batch to batch. A DisposeScope around the whole epoch passes the
/// leak check after the run (everything is disposed in the end) while holding every batch's images, activations and loss until the
/// epoch ends: hundreds of megabytes on the full data set.
/// </summary>
internal static class BatchScopeCheck
{
    /// <summary>Images and batch size of the check: 10 batches of 4 in one epoch.</summary>
    public const int Images = 40;

    /// <summary>See <see cref="Images"/>.</summary>
    public const int BatchSize = 4;

    private const int Batches = Images / BatchSize;

    /// <summary>The live tensors on the calling thread, read where a forward pass passes through.</summary>
    public static long LiveNow() => DisposeScopeManager.Statistics.ThreadTotalLiveCount;

    /// <summary>Fails when the counts read at the epoch's training forward passes (the first <see cref="Batches"/>) grow from batch to batch.</summary>
    public static void AssertLevel(IReadOnlyList<long> liveAtEachForward, string what)
    {
        Assert.That(liveAtEachForward, Has.Count.GreaterThanOrEqualTo(Batches),
            $"{what} on {Images} images in batches of {BatchSize} should pass every batch through the network: {Batches} forward passes; saw {liveAtEachForward.Count}.");
        // The first step creates the optimizer's state (RMSprop's running mean squares), so the count is compared from the second batch on.
        long growth = liveAtEachForward[Batches - 1] - liveAtEachForward[1];
        Assert.That(growth, Is.LessThan(Batches - 2),
            $"While {what} trained on {Batches} batches of {BatchSize} images, the live tensors grew by {growth} from the second batch to the last " +
            $"(about {(double)growth / (Batches - 2):0.#} per batch): each batch's tensors stay alive until the epoch ends. Likely cause: the " +
            "DisposeScope is opened around the epoch, not inside the batch loop. Make `using var scope = torch.NewDisposeScope();` the batch " +
            "loop's first line, so a batch's images, activations and loss go as soon as its step is taken.");
    }

    /// <summary>An identity layer that reads the live tensor count whenever a batch passes through it.</summary>
    public sealed class Probe(List<long> counts) : nn.Module<Tensor, Tensor>("probe")
    {
        /// <inheritdoc/>
        public override Tensor forward(Tensor input)
        {
            counts.Add(LiveNow());
            return input.alias();
        }
    }
}
