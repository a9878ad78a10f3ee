using System.Globalization;
using Katas.Cli.Katas;
using Katas.Data;
using Katas.Optimizers;
using Spectre.Console;

namespace Katas.Cli.Commands;

/// <summary>`katas reproduce`: the article's runs, recomputed with the reference solutions.</summary>
internal static class ReproduceCommand
{
    public const string Usage = "reproduce            print the article's runs recomputed with the reference solutions";

    public static int Run(Arguments arguments)
    {
        arguments.RejectUnknown(0);
        TorchRuntime.Initialise();
        HeightWeightSample sample = HeightWeightSample.Load();
        var table = new Table()
            .Title("The article's manual gradient descent (float32, learning rate 2e-5, intercept step x1000)")
            .AddColumns("run", "start (slope, intercept)", "iterations", "slope", "intercept", "last loss");
        foreach ((Line start, int number) in new[] { (LinregRuns.ArticleStart1, 1), (LinregRuns.ArticleStart2, 2) })
        {
            Trajectory run = LinregRuns.Article(sample, start);
            TrajectoryStep last = run.Last;
            table.AddRow($"manual {number}", $"({F(start.Slope)}, {F(start.Intercept)})", run.Count.ToString(CultureInfo.InvariantCulture),
                F(last.Slope), F(last.Intercept), F(last.Loss));
        }

        AnsiConsole.Write(table);

        var optimizers = new Table()
            .Title("The article's optimizers (Keras conventions, float32, from (6.041117, -180), no intercept scaling)")
            .AddColumns("run", "optimizer", "iterations", "slope", "intercept", "last loss");
        foreach ((string name, OptimizerSettings settings, int iterations) in OptimizerRuns.Article)
        {
            Trajectory run = OptimizerRuns.ArticleRun(sample, settings, iterations);
            optimizers.AddRow(name, Markup.Escape(settings.ToString()), run.Count.ToString(CultureInfo.InvariantCulture),
                F(run.Last.Slope), F(run.Last.Intercept), F(run.Last.Loss));
        }

        AnsiConsole.Write(optimizers);
        AnsiConsole.WriteLine("slope, intercept and loss are those of the last iteration (the parameters it started from and their loss).");
        return 0;
    }

    private static string F(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
