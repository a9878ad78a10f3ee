using System.Globalization;
using Katas.Data;
using Katas.Optimizers;
using Katas.Figures;
using Katas.Kits;

namespace Katas.Optimizers.Kit;

/// <summary>Kata 04's demo: the article's RMSprop and Adam runs, and the race on every surface.</summary>
public sealed class OptimizersDemo : IKataDemo
{
    public string Kata => OptimizerRuns.Kata;

    public int Runs => OptimizerRuns.Article.Count + Surface.All.Count;

    public IEnumerable<DemoRow> Render(string folder)
    {
        HeightWeightSample sample = HeightWeightSample.Load();
        (Line optimum, double optimumLoss) = sample.LeastSquares();
        foreach ((string name, OptimizerSettings settings, int iterations) in OptimizerRuns.Article)
        {
            Trajectory run = OptimizerRuns.ArticleRun(sample, settings, iterations);
            RenderedRun files = LineFitFigures.WriteRun(sample, run, optimum, optimumLoss, settings.ToString(), folder,
                $"article-{name.ToLowerInvariant()}", animate: true);
            yield return new DemoRow(Kata, $"article's {name} (Keras conventions)", run.Count,
                string.Create(CultureInfo.InvariantCulture, $"MSE {run.Last.Loss:0.####}, {run.Last.Line.Equation()}"), [files.Png, files.Gif!]);
        }

        foreach (Surface surface in Surface.All)
        {
            IReadOnlyList<RaceResult> results = OptimizerRuns.RunRace(surface, [.. OptimizerSettings.ByName.Keys], surface.RaceSteps);
            RenderedRun files = OptimizerFigures.WriteRace(surface, results, folder, animate: true);
            string arrivals = string.Join(", ", results.Select(result => $"{result.Optimizer} {result.StepsToTolerance?.ToString(CultureInfo.InvariantCulture) ?? "-"}"));
            yield return new DemoRow(Kata, $"race on {surface.Name}", surface.RaceSteps, "steps to tolerance: " + arrivals, [files.Png, files.Gif!]);
        }
    }
}
