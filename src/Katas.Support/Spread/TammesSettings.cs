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

    /// <summary>
    /// How much exploring <see cref="For"/> affords from <see cref="SoftStartFrom"/> points on, in pair-steps (restarts ×
    /// exploring steps × N²): about 6 s of one thread here (8 ns a pair-step). It was twice that before the katas tool
    /// hopped between basins after the solver; given to the hopping instead, the other half did better (N = 40..70: 18 of
    /// 31 within 0.01% of the best known, against 15 with the whole of it spent on restarts; docs/02-spread.md).
    /// </summary>
    public const double ExplorePairSteps = 0.75e9;

    /// <summary>From this many points on, <see cref="For"/> starts soft (β = 3) and affords restarts by <see cref="ExplorePairSteps"/>.</summary>
    public const int SoftStartFrom = 40;

    /// <summary>
    /// The schedule `katas spread --loss tammes` and `katas bench tammes` use for <paramref name="n"/> points (measured in
    /// 3D, N = 4..200, docs/02-spread.md). Below <see cref="SoftStartFrom"/> points: the record's defaults (192 restarts
    /// exploring 1,500 steps from β = 30, 16 survivors), within 0.007% of the best known for N = 4..39 except 35 (0.011%) in the Release
    /// table of 2026-12-05. From there on:
    /// <list type="bullet">
    /// <item>a start at β = 3 instead of 30: from about 50 points the sharper start leaves the restarts in worse
    /// arrangements (N = 50: 0 of 64 restarts found the best one from β = 10, 31 of 32 from β = 3), while below 40 the
    /// soft start steers every restart to the Gaussian energy's arrangement, which for N = 14, 21, 25 and 28 is not the
    /// best one;</item>
    /// <item>5,000 exploring steps to β = 1,000 with as many restarts as <see cref="ExplorePairSteps"/> allow (16 to 192:
    /// 93 at N = 40, 41 at N = 60, 16 from N = 94 on), so a run's time grows slowly with N instead of like N²;</item>
    /// <item>12 survivors (the ranking at β = 1,000 put the best arrangement 9th of 32 in a run at N = 130) refined for
    /// 4,000 steps to β = 300,000, where the soft minimum is within about 0.005% of the hard one.</item>
    /// </list>
    /// </summary>
    /// <param name="n">How many points.</param>
    public static TammesSettings For(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 2);
        if (n < SoftStartFrom)
        {
            return new TammesSettings();
        }

        const int explore = 5000;
        int restarts = (int)Math.Clamp(ExplorePairSteps / (explore * (double)n * n), 16, 192);
        return new TammesSettings(Restarts: restarts, Survivors: 12, ExploreIterations: explore, RefineIterations: 4000,
            Sharpness: 3, SurvivorSharpness: 1000, FinalSharpness: 300_000);
    }

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
