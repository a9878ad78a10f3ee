using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Spread;

/// <summary>Task 4: a loss, its gradient by hand, and a batched schedule that actually reach the Tammes optimum.</summary>
public static class Tammes
{
    /// <summary>
    /// A smooth stand-in for minus the smallest distance: (1/β)·log Σᵢ≠ⱼ exp(−β·|vᵢ − vⱼ|²). Minimising it
    /// maximises a soft minimum of the squared chord distances |vᵢ − vⱼ|² = 2 − 2·cos θᵢⱼ, which grow with
    /// the angles, so the largest smallest distance is the largest smallest angle. Unlike the hard minimum,
    /// it moves every close pair at once, weighted by closeness; larger <paramref name="sharpness"/> β is
    /// closer to the hard minimum (within log(N(N−1))/β). No acos, so no clamping is needed.
    /// Batched: for a stack of R sets of vectors, shape [R, N, D], it returns the R losses, shape [R].
    /// </summary>
    /// <param name="vectors">Unit vectors, shape [N, D] (one set: a scalar loss) or [R, N, D] (R sets: R losses).</param>
    /// <param name="sharpness">β, in 1/(squared distance).</param>
    public static Tensor SoftMinimumLoss(Tensor vectors, double sharpness)
    {
        using var scope = torch.NewDisposeScope();
        long n = vectors.shape[^2];
        // |vᵢ − vⱼ|² = 2 − 2 vᵢ·vⱼ for unit vectors: one (batched) matrix product instead of an [N, N, D] tensor.
        Tensor squaredDistances = 2 - 2 * vectors.matmul(vectors.transpose(-1, -2));
        Tensor self = torch.eye(n, dtype: ScalarType.Bool, device: vectors.device);
        Tensor exponents = (squaredDistances * -sharpness).masked_fill(self, double.NegativeInfinity);
        return (torch.logsumexp(exponents.flatten(-2), -1) / sharpness).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The gradient of <see cref="SoftMinimumLoss"/> with respect to the vectors, by hand: 4·P·V, where P is the
    /// softmax of −β·|vᵢ − vⱼ|² over all ordered pairs i ≠ j (the diagonal gets weight 0). (Each pair's
    /// squared distance 2 − 2vᵢ·vⱼ appears twice, as (i, j) and (j, i), and its derivative in vᵢ is −2vⱼ.)
    /// It needs no autograd graph, so it is several times faster than backward() in the solver's loop.
    /// </summary>
    /// <param name="vectors">Unit vectors, shape [N, D] or [R, N, D].</param>
    /// <param name="sharpness">β.</param>
    /// <returns>The gradient, the shape of <paramref name="vectors"/>; for a batch, each set's gradient of its own loss.</returns>
    public static Tensor SoftMinimumGradient(Tensor vectors, double sharpness)
    {
        using var scope = torch.NewDisposeScope();
        long n = vectors.shape[^2];
        Tensor self = torch.eye(n, dtype: ScalarType.Bool, device: vectors.device);
        // −β(2 − 2vᵢ·vⱼ) = 2β vᵢ·vⱼ − 2β, and a constant does not change a softmax.
        Tensor exponents = (vectors.matmul(vectors.transpose(-1, -2)) * (2 * sharpness)).masked_fill(self, double.NegativeInfinity);
        Tensor weights = exponents.flatten(-2).softmax(-1).view(exponents.shape);
        return (4 * weights.matmul(vectors)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Spreads <paramref name="n"/> vectors in <paramref name="dim"/> dimensions. Draws
    /// <see cref="TammesSettings.Restarts"/> random starts as one [R, N, D] tensor and runs projected gradient
    /// descent with heavy-ball momentum on all of them at once, each on N × its soft-minimum loss, with β and the
    /// rate from <see cref="TammesSettings.SharpnessAt"/> and <see cref="TammesSettings.LearningRateAt"/>. After
    /// <see cref="TammesSettings.ExploreIterations"/> steps it keeps the <see cref="TammesSettings.Survivors"/>
    /// restarts with the largest smallest angles, which go on for <see cref="TammesSettings.RefineIterations"/>
    /// steps. Returns the recorded run (every Iterations/100 steps) of the restart that ended with the largest
    /// smallest angle: a <see cref="BatchRecorder"/> (given) records the batch after every step
    /// (<see cref="BatchRecorder.Record"/>), follows it when it is cut (<see cref="BatchRecorder.Keep"/>) and hands
    /// back the chosen restart's run (<see cref="BatchRecorder.RunOf"/>).
    /// </summary>
    public static SpreadRun Solve(int n, int dim, TammesSettings settings)
    {
        using var outer = torch.NewDisposeScope();
        var generator = new Generator((ulong)settings.Seed);
        // One draw per restart, so restart r starts at the same place however many restarts there are.
        Tensor vectors = torch.stack(Enumerable.Range(0, settings.Restarts).Select(_ => SpreadGeometry.RandomUnitVectors(n, dim, generator)));
        Tensor velocity = torch.zeros_like(vectors);
        using var recorder = new BatchRecorder(Math.Max(1, settings.Iterations / 100), settings.Iterations);
        recorder.Record(0, vectors);
        for (int iteration = 0; iteration < settings.Iterations; iteration++)
        {
            if (iteration == settings.ExploreIterations && settings.Survivors < vectors.shape[0])
            {
                // Most restarts have found their basin by now: only the best few are worth refining.
                Tensor kept = LargestCosines(vectors).argsort()[..settings.Survivors];
                vectors = vectors.index_select(0, kept);
                velocity = velocity.index_select(0, kept);
                recorder.Keep(kept);
            }

            using var scope = torch.NewDisposeScope();
            // The soft minimum's gradient spreads a total weight of 1 over all close pairs, so each vector's
            // share shrinks as N grows; scaling the loss by N keeps one learning rate right for every N.
            Tensor gradient = SoftMinimumGradient(vectors, settings.SharpnessAt(iteration)) * n;
            velocity.mul_(settings.Momentum).sub_(gradient * settings.LearningRateAt(iteration));
            vectors.add_(velocity);
            vectors.div_(vectors.norm(-1, keepdim: true));
            recorder.Record(iteration + 1, vectors);
        }

        return recorder.RunOf(LargestCosines(vectors).argmin().ToInt64());
    }

    /// <summary>Each set's largest cosine between two different vectors, shape [R]: the smaller, the larger its smallest angle.</summary>
    private static Tensor LargestCosines(Tensor vectors)
    {
        using var scope = torch.NewDisposeScope();
        Tensor self = torch.eye(vectors.shape[^2], dtype: ScalarType.Bool, device: vectors.device);
        Tensor cosines = vectors.matmul(vectors.transpose(-1, -2)).masked_fill(self, double.NegativeInfinity);
        return cosines.flatten(-2).max(-1).values.MoveToOuterDisposeScope();
    }
}
