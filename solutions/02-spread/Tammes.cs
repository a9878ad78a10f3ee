using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Spread;

/// <summary>Task 4: a loss and a schedule that actually reach the Tammes optimum.</summary>
public static class Tammes
{
    /// <summary>
    /// A smooth stand-in for minus the smallest distance: (1/β)·log Σᵢ≠ⱼ exp(−β·|vᵢ − vⱼ|²). Minimising it
    /// maximises a soft minimum of the squared chord distances |vᵢ − vⱼ|² = 2 − 2·cos θᵢⱼ, which grow with
    /// the angles, so the largest smallest distance is the largest smallest angle. Unlike the hard minimum,
    /// it moves every close pair at once, weighted by closeness; larger <paramref name="sharpness"/> β is
    /// closer to the hard minimum (within log(N(N−1))/β). For small β it is a Gaussian energy, for which
    /// the regular simplex, the cross-polytope and the icosahedron are the proven best arrangements, so
    /// starting soft and sharpening steers towards them. No acos, so no clamping is needed.
    /// </summary>
    /// <param name="vectors">Unit vectors, shape [N, D].</param>
    /// <param name="sharpness">β, in 1/(squared distance).</param>
    public static Tensor SoftMinimumLoss(Tensor vectors, double sharpness)
    {
        using var scope = torch.NewDisposeScope();
        long n = vectors.shape[0];
        // |vᵢ − vⱼ|² = 2 − 2 vᵢ·vⱼ for unit vectors: one matrix product instead of an [N, N, D] tensor.
        Tensor squaredDistances = 2 - 2 * vectors.matmul(vectors.t());
        Tensor self = torch.eye(n, dtype: ScalarType.Bool, device: vectors.device);
        Tensor exponents = (squaredDistances * -sharpness).masked_fill(self, double.NegativeInfinity);
        return (torch.logsumexp(exponents.flatten(), 0) / sharpness).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Spreads <paramref name="n"/> vectors in <paramref name="dim"/> dimensions: from each of
    /// <see cref="TammesSettings.Restarts"/> random starts, runs <see cref="SphereDescent.Run"/> on the soft-minimum loss
    /// while the sharpness grows and the learning rate shrinks geometrically; returns the run that ended
    /// with the largest smallest angle.
    /// </summary>
    public static SpreadRun Solve(int n, int dim, TammesSettings settings)
    {
        var generator = new Generator((ulong)settings.Seed);
        double decay = Math.Pow(settings.FinalLearningRate / settings.LearningRate, 1.0 / settings.Iterations);
        var descent = new DescentSettings(settings.LearningRate, settings.Iterations, decay, RecordEvery: Math.Max(1, settings.Iterations / 100));
        SpreadRun? best = null;
        for (int restart = 0; restart < settings.Restarts; restart++)
        {
            using Tensor start = SpreadGeometry.RandomUnitVectors(n, dim, generator);
            // The soft minimum's gradient spreads a total weight of 1 over all close pairs, so each vector's
            // share shrinks as N grows; scaling the loss by N keeps one learning rate right for every N.
            SpreadRun run = SphereDescent.Run(start, (vectors, iteration) => SoftMinimumLoss(vectors, settings.SharpnessAt(iteration)) * n, descent);
            if (best is null || run.Final.MinimumAngle > best.Final.MinimumAngle)
            {
                best = run;
            }
        }

        return best!;
    }
}
