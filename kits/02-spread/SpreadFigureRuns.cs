using Katas.Figures;
using Katas.Spread;

namespace Katas.Spread.Kit;

/// <summary>
/// Every figure of kata 02, each defined once: the demo draws all of them, the figure tests draw the ones of their
/// tasks through the same definitions (one start, one run, one name).
/// </summary>
public static class SpreadFigureRuns
{
    /// <summary>Seeds the random start of every figure's run.</summary>
    public const int Seed = 1;

    /// <summary>The file name (without extension) of the comparison of the four losses on 20 vectors in 2D.</summary>
    public const string ComparisonStem = "losses-2d-20";

    /// <summary>The tests' quick schedule (<see cref="TammesSettings.Quick"/>) from a single start, for <see cref="Tammes3D12"/>.</summary>
    // Declared before the runs: static properties are initialised in the order they are written.
    public static TammesSettings OneStart { get; } = TammesSettings.Quick with { Restarts = 1, Survivors = 1 };

    /// <summary>Loss a on 20 vectors in 2D.</summary>
    public static SpreadFigureRun MinimumAngle2D { get; } = Article("min-angle", 20, 2, "Loss a: minus the smallest angle");

    /// <summary>Loss b on 20 vectors in 2D.</summary>
    public static SpreadFigureRun Variance2D { get; } = Article("variance", 20, 2, "Loss b: smallest angle and spread");

    /// <summary>Loss c on 20 vectors in 2D (task 3's figure).</summary>
    public static SpreadFigureRun Force2D { get; } = Article("force", 20, 2, "Loss c: tangent forces");

    /// <summary>
    /// The Tammes solver on 20 vectors in 2D, with the tests' quick schedule (<see cref="TammesSettings.Quick"/>):
    /// it reaches 18° in 1,500 steps, so the comparison's axis is the article losses' 2,500 steps.
    /// </summary>
    public static SpreadFigureRun Tammes2D { get; } = Solver(20, 2, TammesSettings.Quick);

    /// <summary>
    /// The Tammes solver on 12 vectors in 3D, the icosahedron (task 4's figure), with the quick schedule from one start.
    /// With the quick schedule's two starts both reach the icosahedron, and their largest cosines then differ by one
    /// rounding (measured: 5.6e-17), so which start survives, and with it the drawn orientation and the curve's first steps,
    /// is decided by the CPU's rounding (AVX-512 and AVX2 machines kept different ones) or by a learner's equally right
    /// tie-break. One start leaves nothing to choose: its run is the same everywhere (a start moved by 1e-7 ends within 1e-7).
    /// </summary>
    public static SpreadFigureRun Tammes3D12 { get; } = Solver(12, 3, OneStart);

    /// <summary>Loss c on 8 vectors in 3D: Thomson's square antiprism, not Tammes' arrangement (the demo's only).</summary>
    public static SpreadFigureRun Force3D8 { get; } = Article("force", 8, 3, "Loss c: tangent forces");

    /// <summary>The Tammes solver on 8 vectors in 3D with its default schedule, that of `katas spread` (the demo's only).</summary>
    public static SpreadFigureRun Tammes3D8 { get; } = Solver(8, 3, new TammesSettings());

    /// <summary>The four runs of the comparison <see cref="ComparisonStem"/>, all from the same start, in the order of the losses.</summary>
    public static IReadOnlyList<SpreadFigureRun> Circle { get; } = [MinimumAngle2D, Variance2D, Force2D, Tammes2D];

    /// <summary>Every figure's run, in the order the demo draws them (the comparison comes after <see cref="Circle"/>).</summary>
    public static IReadOnlyList<SpreadFigureRun> All { get; } = [.. Circle, Tammes3D12, Force3D8, Tammes3D8];

    /// <summary>The smallest angle against iteration of the four runs of <see cref="Circle"/>, in one panel.</summary>
    /// <param name="runs">The runs of <see cref="Circle"/>, in its order.</param>
    public static Figure Comparison(IReadOnlyList<SpreadRun> runs)
    {
        if (runs.Count != Circle.Count)
        {
            throw new ArgumentException($"The comparison takes the {Circle.Count} runs of SpreadFigureRuns.Circle, in order; got {runs.Count}.", nameof(runs));
        }

        return SpreadFigures.Comparison("20 vectors in 2D: the four losses", Circle.Select((figure, i) => (figure.Loss, runs[i])).ToList(), 18);
    }

    /// <summary>Writes <see cref="Comparison"/> as &lt;folder&gt;/losses-2d-20.png and returns the figure and the file.</summary>
    public static (Figure Figure, string Png) WriteComparison(IReadOnlyList<SpreadRun> runs, string folder)
    {
        Figure figure = Comparison(runs);
        Directory.CreateDirectory(folder);
        string png = Path.Combine(folder, ComparisonStem + ".png");
        FigureRenderer.SavePng(figure, png);
        return (figure, png);
    }

    private static SpreadFigureRun Article(string loss, int n, int dim, string title) =>
        new($"{loss}-{dim}d-{n}", title, loss, n, dim, Seed, DescentSettings.ArticleLosses, null);

    private static SpreadFigureRun Solver(int n, int dim, TammesSettings schedule) =>
        new($"tammes-{dim}d-{n}", "Tammes loss: soft minimum", "tammes", n, dim, Seed, null, schedule);
}
