namespace Katas.Optimizers;

/// <summary>One optimizer's run on a surface: every point it visited (the start first) and its loss there.</summary>
/// <param name="Optimizer">The optimizer's name.</param>
/// <param name="Xs">x at the start and after each step.</param>
/// <param name="Ys">y at the start and after each step.</param>
/// <param name="Losses">The loss at each of those points.</param>
/// <param name="StepsToTolerance">How many steps it took to get within the surface's tolerance of its minimum; null if it never did.</param>
public sealed record RaceResult(string Optimizer, IReadOnlyList<double> Xs, IReadOnlyList<double> Ys, IReadOnlyList<double> Losses, int? StepsToTolerance)
{
    /// <summary>The last loss.</summary>
    public double FinalLoss => Losses[^1];
}
