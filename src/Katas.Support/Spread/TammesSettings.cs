namespace Katas.Spread;

/// <summary>
/// The schedule of a Tammes run. <see cref="Restarts"/> random starts descend together as one [R, N, D] tensor
/// for <see cref="ExploreIterations"/> steps while the sharpness β grows from <see cref="Sharpness"/> to
/// <see cref="SurvivorSharpness"/>; then only the <see cref="Survivors"/> with the largest smallest angles go on
/// for <see cref="RefineIterations"/> steps while β grows to <see cref="FinalSharpness"/>. The learning rate is
/// <see cref="StepScale"/>/β (the soft minimum's curvature grows like β), with heavy-ball <see cref="Momentum"/>.
/// </summary>
/// <param name="Restarts">Independent random starts, descending together; the best end wins.</param>
/// <param name="Survivors">How many restarts (those with the largest smallest angles) go on after exploring.</param>
/// <param name="ExploreIterations">Steps every restart takes.</param>
/// <param name="RefineIterations">Further steps the survivors take.</param>
/// <param name="Sharpness">The soft minimum's sharpness β at the first step (per unit of squared distance).</param>
/// <param name="SurvivorSharpness">β when the survivors are chosen; it grows geometrically from <see cref="Sharpness"/>.</param>
/// <param name="FinalSharpness">β at the last step; it grows geometrically from <see cref="SurvivorSharpness"/>.</param>
/// <param name="StepScale">The learning rate times β.</param>
/// <param name="Momentum">The heavy-ball momentum μ: velocity = μ·velocity − rate·gradient.</param>
/// <param name="Seed">Seeds the random starts.</param>
public sealed record TammesSettings(
    int Restarts = 192, int Survivors = 16, int ExploreIterations = 1500, int RefineIterations = 4000,
    double Sharpness = 30, double SurvivorSharpness = 1000, double FinalSharpness = 100_000,
    double StepScale = 0.2, double Momentum = 0.5, int Seed = TorchRuntime.DefaultSeed)
{
    /// <summary>
    /// A small, quick schedule (2 starts, one survivor, 1,500 steps in all, β from 1 to 10,000): enough for the
    /// proven optima (simplex, cross-polytope, icosahedron, regular polygon) in well under a second; the tests
    /// use it. Starting soft (β = 1) matters there: for small β the soft minimum is a Gaussian energy, for which
    /// those arrangements are the proven best, so the run is steered straight to them.
    /// </summary>
    public static TammesSettings Quick { get; } = new(Restarts: 2, Survivors: 1, ExploreIterations: 500, RefineIterations: 1000,
        Sharpness: 1, SurvivorSharpness: 20, FinalSharpness: 10_000, StepScale: 0.1);

    /// <summary>All the steps: exploring, then refining.</summary>
    public int Iterations => ExploreIterations + RefineIterations;

    /// <summary>
    /// β at <paramref name="iteration"/> (0-based): geometric from Sharpness to SurvivorSharpness over the
    /// exploring steps, then from SurvivorSharpness to FinalSharpness over the refining steps.
    /// </summary>
    public double SharpnessAt(int iteration) => iteration < ExploreIterations
        ? Sharpness * Math.Pow(SurvivorSharpness / Sharpness, (double)iteration / ExploreIterations)
        : SurvivorSharpness * Math.Pow(FinalSharpness / SurvivorSharpness, (double)(iteration - ExploreIterations) / Math.Max(1, RefineIterations));

    /// <summary>The learning rate at <paramref name="iteration"/>: StepScale / β.</summary>
    public double LearningRateAt(int iteration) => StepScale / SharpnessAt(iteration);
}
