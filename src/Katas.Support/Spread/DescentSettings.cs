namespace Katas.Spread;

/// <summary>How to run projected gradient descent on the unit sphere.</summary>
/// <param name="LearningRate">The step size of the first iteration.</param>
/// <param name="Iterations">How many steps to take.</param>
/// <param name="Decay">The learning rate is multiplied by this after every step (1 = constant).</param>
/// <param name="ClipNorm">When set, a gradient whose overall (Frobenius) norm exceeds it is scaled down to it before the step.</param>
/// <param name="RecordEvery">Record the vectors every this many iterations (the start and the end are always recorded).</param>
public sealed record DescentSettings(double LearningRate, int Iterations, double Decay = 1.0, double? ClipNorm = null, int RecordEvery = 1)
{
    /// <summary>
    /// The settings for the article's three losses: 2500 steps from rate 0.15, decaying by 0.9975 a step,
    /// gradients clipped to norm 1 (the force loss's gradient grows like 1/distance³ for close pairs).
    /// They take the force loss to the regular 20-gon in 2D.
    /// </summary>
    public static DescentSettings ArticleLosses { get; } = new(0.15, 2500, Decay: 0.9975, ClipNorm: 1, RecordEvery: 25);

    /// <summary>The learning rate used at <paramref name="iteration"/> (0-based): LearningRate × Decay^iteration.</summary>
    public double RateAt(int iteration) => LearningRate * Math.Pow(Decay, iteration);

    /// <summary>Whether <paramref name="iteration"/> (0 = the start, Iterations = the end) is recorded.</summary>
    public bool Records(int iteration) => iteration == 0 || iteration == Iterations || iteration % Math.Max(1, RecordEvery) == 0;
}
