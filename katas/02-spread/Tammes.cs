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
        throw new NotImplementedException(
            "Kata 02, task 4 (Tammes.SoftMinimumLoss) is not implemented yet: see katas/02-spread/README.md, task 4.");
    }

    /// <summary>
    /// Spreads <paramref name="n"/> vectors in <paramref name="dim"/> dimensions: from each of
    /// <see cref="TammesSettings.Restarts"/> random starts, runs <see cref="SphereDescent.Run"/> on the soft-minimum loss
    /// while the sharpness grows and the learning rate shrinks geometrically; returns the run that ended
    /// with the largest smallest angle.
    /// </summary>
    public static SpreadRun Solve(int n, int dim, TammesSettings settings)
    {
        throw new NotImplementedException(
            "Kata 02, task 4 (Tammes.Solve) is not implemented yet: see katas/02-spread/README.md, task 4.");
    }
}
