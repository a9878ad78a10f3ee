using System.Globalization;
using Katas.Data;
using Katas.Figures;
using Katas.Kits;

namespace Katas.Linreg.Kit;

/// <summary>Kata 01's demo: the article's two manual runs and the standardised run.</summary>
public sealed class LinregDemo : IKataDemo
{
    /// <inheritdoc />
    public string Kata => LinregRuns.Kata;

    /// <inheritdoc />
    public int Runs => 3;

    /// <inheritdoc />
    public IEnumerable<DemoRow> Render(string folder)
    {
        HeightWeightSample sample = HeightWeightSample.Load();
        (Line optimum, double optimumLoss) = sample.LeastSquares();
        foreach ((Line start, int number) in new[] { (ArticleFacts.Start1, 1), (ArticleFacts.Start2, 2) })
        {
            Trajectory run = LinregRuns.Article(sample, start);
            RenderedRun files = LineFitFigures.WriteRun(sample, run, optimum, optimumLoss, $"Article run {number}", folder, $"article-run-{number}", animate: true);
            yield return Row($"article run {number} from {start}", run, run.Final, files);
        }

        NormalisedFit fit = LinregRuns.Standardised(sample);
        Trajectory inUnits = LinregRuns.InOriginalUnits(fit);
        RenderedRun standardised = LineFitFigures.WriteRun(sample, inUnits, optimum, optimumLoss, "Standardised data", folder, "standardised-run", animate: true);
        yield return Row("standardised data, rate 0.1", inUnits, fit.Line, standardised);
    }

    // The article's convention: the line after the last update, the loss computed before it.
    private DemoRow Row(string name, Trajectory run, Line line, RenderedRun files) =>
        new(Kata, name, run.Count, string.Create(CultureInfo.InvariantCulture, $"ends at {line.Equation()}; last MSE {run.Last.Loss:0.####} (before the last step)"),
            [files.Png, files.Gif!]);
}
