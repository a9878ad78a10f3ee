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

    public int Runs => OptimizerRuns.Article.Count + Surface.All.Count + 1;

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
                string.Create(CultureInfo.InvariantCulture, $"ends at {run.Final.Equation()}; last MSE {run.Last.Loss:0.####} (before the last step)"), [files.Png, files.Gif!]);
        }

        foreach (Surface surface in Surface.All)
        {
            IReadOnlyList<RaceResult> results = OptimizerRuns.RunRace(surface, [.. OptimizerSettings.ByName.Keys], surface.RaceSteps);
            RenderedRun files = OptimizerFigures.WriteRace(surface, results, folder, animate: true);
            string arrivals = string.Join(", ", results.Select(result => $"{result.Optimizer} {result.StepsToTolerance?.ToString(CultureInfo.InvariantCulture) ?? "-"}"));
            yield return new DemoRow(Kata, $"race on {surface.Name}", surface.RaceSteps, "steps to tolerance: " + arrivals, [files.Png, files.Gif!]);
        }

        // Task 4: from x = 2 at rate 0.01, plain SGD and SGD with momentum 0.9 on f(x) = x⁴ − 3x² + x.
        const int steps = 1000;
        double[] sgd = Rolling.Roll(2.0, p => new TorchOptimizer(TorchSharp.torch.optim.SGD(p, 0.01)), steps);
        double[] momentum = Rolling.Roll(2.0, p => new TorchOptimizer(TorchSharp.torch.optim.SGD(p, 0.01, momentum: 0.9)), steps);
        string png = Path.Combine(folder, "momentum-valleys.png");
        FigureRenderer.SavePng(MomentumFigures.Paths("From x = 2, rate 0.01: SGD stops in the shallow valley, momentum rolls on", sgd, momentum), png);
        yield return new DemoRow(Kata, "momentum on two valleys", steps,
            string.Create(CultureInfo.InvariantCulture, $"SGD ends at x = {sgd[^1]:0.####}, momentum 0.9 at x = {momentum[^1]:0.####}"), [png]);
    }
}
