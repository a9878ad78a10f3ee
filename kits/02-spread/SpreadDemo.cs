using System.Globalization;
using Katas.Figures;
using Katas.Kits;
using Katas.Spread;

namespace Katas.Spread.Kit;

/// <summary>Kata 02's demo: the four losses on 20 vectors in 2D, and force against Tammes for 8 vectors in 3D.</summary>
public sealed class SpreadDemo : IKataDemo
{
    private const int Seed = 1;

    public string Kata => SpreadRuns.Kata;

    public int Runs => 7;

    public IEnumerable<DemoRow> Render(string folder)
    {
        var circleRuns = new List<(string Name, SpreadRun Run)>();
        foreach (string loss in SpreadRuns.LossNames)
        {
            SpreadRun run = SpreadRuns.Run(loss, 20, 2, null, Seed);
            circleRuns.Add((loss, run));
            yield return Row(loss, 20, 2, run, SpreadFigures.WriteRun(run, Title(loss), 18, folder, $"{loss}-2d-20", animate: true));
        }

        Figure comparison = SpreadFigures.Comparison("20 vectors in 2D: the four losses", circleRuns, 18);
        string comparisonFile = Path.Combine(folder, "losses-2d-20.png");
        FigureRenderer.SavePng(comparison, comparisonFile);
        yield return new DemoRow(Kata, "comparison of the four losses, 20 vectors in 2D", circleRuns.Max(r => r.Run.Final.Iteration), "", [comparisonFile]);

        // For 8 points in 3D the force loss (Thomson's problem: the square antiprism of least energy)
        // and the Tammes loss (largest smallest angle) disagree: a different problem, a different answer.
        foreach (string loss in new[] { "force", "tammes" })
        {
            SpreadRun run = SpreadRuns.Run(loss, 8, 3, null, Seed);
            yield return Row(loss, 8, 3, run, SpreadFigures.WriteRun(run, Title(loss), SpreadRuns.BestKnownDegrees(8, 3), folder, $"{loss}-3d-8", animate: true));
        }
    }

    private static string Title(string loss) => loss switch
    {
        "min-angle" => "Loss a: minus the smallest angle",
        "variance" => "Loss b: smallest angle and spread",
        "force" => "Loss c: tangent forces",
        _ => "Tammes loss: soft minimum",
    };

    private DemoRow Row(string loss, int n, int dim, SpreadRun run, RenderedRun files) =>
        new(Kata, $"{loss}, {n} vectors in {dim}D", run.Final.Iteration,
            string.Create(CultureInfo.InvariantCulture, $"smallest angle {run.Final.MinimumAngleDegrees:0.0000}° (best {SpreadRuns.BestKnownDegrees(n, dim):0.0000}°)"),
            files.Gif is null ? [files.Png] : [files.Png, files.Gif]);
}
