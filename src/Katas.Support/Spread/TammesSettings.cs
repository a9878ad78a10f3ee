namespace Katas.Spread;

/// <summary>The schedule of a Tammes run: restarts, iterations, and how sharpness and learning rate change.</summary>
/// <param name="Restarts">Independent random starts; the best end wins.</param>
/// <param name="Iterations">Steps per start.</param>
/// <param name="Sharpness">The soft minimum's sharpness β at the first step (per unit of squared distance).</param>
/// <param name="FinalSharpness">β at the last step; it grows geometrically in between.</param>
/// <param name="LearningRate">The first step's learning rate.</param>
/// <param name="FinalLearningRate">The last step's learning rate; it shrinks geometrically in between.</param>
/// <param name="Seed">Seeds the random starts.</param>
public sealed record TammesSettings(
    int Restarts = 1, int Iterations = 1500, double Sharpness = 1, double FinalSharpness = 10_000,
    double LearningRate = 0.3, double FinalLearningRate = 1e-5, int Seed = TorchRuntime.DefaultSeed)
{
    /// <summary>β at <paramref name="iteration"/>: Sharpness × (FinalSharpness/Sharpness)^(iteration/Iterations).</summary>
    public double SharpnessAt(int iteration) => Sharpness * Math.Pow(FinalSharpness / Sharpness, (double)iteration / Math.Max(1, Iterations));
}
