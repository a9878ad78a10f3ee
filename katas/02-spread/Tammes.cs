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
        throw new NotImplementedException(
            "Kata 02, task 4 (Tammes.SoftMinimumLoss) is not implemented yet: see katas/02-spread/README.md, task 4.");
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
        throw new NotImplementedException(
            "Kata 02, task 4 (Tammes.SoftMinimumGradient) is not implemented yet: see katas/02-spread/README.md, task 4.");
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
        throw new NotImplementedException(
            "Kata 02, task 4 (Tammes.Solve) is not implemented yet: see katas/02-spread/README.md, task 4.");
    }
}
