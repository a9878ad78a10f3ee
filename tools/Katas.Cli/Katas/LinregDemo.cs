using System.Globalization;
using Katas.Data;
using Katas.Linreg;
using Katas.Plotting;

namespace Katas.Cli.Katas;

/// <summary>Kata 01's demo: the article's two manual runs and the standardised run.</summary>
internal sealed class LinregDemo : IKataDemo
{
    public string Kata => LinregRuns.Kata;

    public int Runs => 3;

    public IEnumerable<DemoRow> Render(string folder)
    {
        HeightWeightSample sample = HeightWeightSample.Load();
        (Line optimum, double optimumLoss) = LinregRuns.Optimum(sample);
        foreach ((Line start, int number) in new[] { (LinregRuns.ArticleStart1, 1), (LinregRuns.ArticleStart2, 2) })
        {
            Trajectory run = LinregRuns.Article(sample, start);
            RenderedRun files = LinregFigures.WriteRun(sample, run, optimum, optimumLoss, $"Article run {number}", folder, $"article-run-{number}", animate: true);
            yield return Row($"article run {number} from {start}", run, run.Last.Line, files);
        }

        NormalisedFit fit = LinregRuns.Standardised(sample);
        Trajectory inUnits = LinregFigures.InOriginalUnits(fit);
        RenderedRun standardised = LinregFigures.WriteRun(sample, inUnits, optimum, optimumLoss, "Standardised data", folder, "standardised-run", animate: true);
        yield return Row("standardised data, rate 0.1", inUnits, fit.Line, standardised);
    }

    private DemoRow Row(string name, Trajectory run, Line line, RenderedRun files) =>
        new(Kata, name, run.Count, string.Create(CultureInfo.InvariantCulture, $"MSE {run.Last.Loss:0.####}, {line.Equation()}"), [files.Png, files.Gif!]);
}
