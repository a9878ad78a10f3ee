using System.Globalization;
using Katas.Cli.Katas;
using Katas.Data;
using Katas.Linreg;
using Spectre.Console;

namespace Katas.Cli.Commands;

/// <summary>`katas demo`: renders every kata's figures with the reference solutions into artifacts/.</summary>
internal static class DemoCommand
{
    public const string Usage = "demo                 render every kata's figures with the reference solutions into artifacts/";

    public static int Run(Arguments arguments)
    {
        arguments.RejectUnknown(0);
        TorchRuntime.Initialise();
        var summary = new Table().AddColumns("kata", "run", "iterations", "last loss", "line", "files");
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn())
            .Start(progress =>
            {
                ProgressTask task = progress.AddTask("01-linreg: article runs and standardised run", maxValue: 3);
                foreach (DemoRow row in Linreg(() => task.Increment(1)))
                {
                    summary.AddRow(row.Kata, row.Run, row.Iterations.ToString(CultureInfo.InvariantCulture),
                        row.LastLoss.ToString("0.####", CultureInfo.InvariantCulture), Markup.Escape(row.Line.Equation()),
                        Markup.Escape(string.Join("\n", row.Files.Select(file => Path.GetRelativePath(Repository.Root, file)))));
                }
            });
        AnsiConsole.Write(summary);
        AnsiConsole.MarkupLine($"Figures are in [bold]{Markup.Escape(Path.GetRelativePath(Repository.Root, Repository.Artifacts))}/[/]: " +
                               "open the .gif files to watch each run.");
        return 0;
    }

    private static List<DemoRow> Linreg(Action advance)
    {
        HeightWeightSample sample = HeightWeightSample.Load();
        (Line optimum, double optimumLoss) = LinregRuns.Optimum(sample);
        string folder = Path.Combine(Repository.Artifacts, LinregRuns.Kata, "reference");
        var rows = new List<DemoRow>();
        foreach ((Line start, int number) in new[] { (LinregRuns.ArticleStart1, 1), (LinregRuns.ArticleStart2, 2) })
        {
            Trajectory run = LinregRuns.Article(sample, start);
            RenderedRun files = LinregFigures.WriteRun(sample, run, optimum, optimumLoss, $"Article run {number}", folder, $"article-run-{number}", animate: true);
            rows.Add(new DemoRow(LinregRuns.Kata, $"article run {number} from {start}", run.Count, run.Last.Loss, run.Last.Line, [files.Png, files.Gif!]));
            advance();
        }

        NormalisedFit fit = LinregRuns.Standardised(sample);
        Trajectory inUnits = LinregFigures.InOriginalUnits(fit);
        RenderedRun standardised = LinregFigures.WriteRun(sample, inUnits, optimum, optimumLoss, "Standardised data", folder, "standardised-run", animate: true);
        rows.Add(new DemoRow(LinregRuns.Kata, "standardised data, rate 0.1", inUnits.Count, inUnits.Last.Loss, fit.Line, [standardised.Png, standardised.Gif!]));
        advance();
        return rows;
    }

    private sealed record DemoRow(string Kata, string Run, int Iterations, double LastLoss, Line Line, IReadOnlyList<string> Files);
}
