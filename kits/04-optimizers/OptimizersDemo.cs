using System.Globalization;
using Katas.Data;
using Katas.Optimizers;
using Katas.Figures;
using Katas.Kits;

namespace Katas.Optimizers.Kit;

/// <summary>Kata 04's demo: the article's RMSprop and Adam runs, the race on every surface, and momentum on two valleys.</summary>
public sealed class OptimizersDemo : IKataDemo
{
    public string Kata => OptimizerRuns.Kata;

    public int Runs => OptimizerRuns.ArticleFigures.Count + Surface.All.Count + 1;

    public IEnumerable<DemoRow> Render(string folder)
    {
        HeightWeightSample sample = HeightWeightSample.Load();
        // The same runs, titles and file names as task 1's figure tests, so yours/ and reference/ can be compared file by file.
        foreach (ArticleFigureRun figure in OptimizerRuns.ArticleFigures)
        {
            Trajectory run = OptimizerRuns.BuiltInArticleRun(sample, figure.Settings, figure.Iterations);
            RenderedRun files = OptimizerRuns.WriteArticleFigure(sample, run, figure, folder, animate: true);
            yield return new DemoRow(Kata, $"article's {figure.Title}, TorchSharp's optimizer", run.Count,
                string.Create(CultureInfo.InvariantCulture, $"ends at {run.Final.Equation()}; last MSE {run.Last.Loss:0.####} (before the last step)"), [files.Png, files.Gif!]);
        }

        foreach (Surface surface in Surface.All)
        {
            IReadOnlyList<RaceResult> results = OptimizerRuns.FullRace(surface);
            RenderedRun files = OptimizerFigures.WriteRace(surface, results, folder, animate: true);
            string arrivals = string.Join(", ", results.Select(result => $"{result.Optimizer} {result.StepsToTolerance?.ToString(CultureInfo.InvariantCulture) ?? "-"}"));
            yield return new DemoRow(Kata, $"race on {surface.Name}", surface.RaceSteps, "steps to tolerance: " + arrivals, [files.Png, files.Gif!]);
        }

        // Task 4: plain SGD and SGD with momentum on f(x) = x⁴ − 3x² + x, the runs task 4's figure test draws (it draws the first
        // MomentumFigures.ShownSteps steps; the demo goes on to report where each ends).
        const int steps = 1000;
        (double[] sgd, double[] momentum) = OptimizerRuns.RollBoth(steps);
        (_, string png) = OptimizerRuns.WriteValleys(sgd, momentum, folder);
        yield return new DemoRow(Kata, "momentum on two valleys", steps,
            string.Create(CultureInfo.InvariantCulture, $"SGD ends at x = {sgd[^1]:0.####}, momentum 0.9 at x = {momentum[^1]:0.####}"), [png]);
    }
}
