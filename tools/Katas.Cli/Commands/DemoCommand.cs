using Katas.Cli.Katas;
using Spectre.Console;

namespace Katas.Cli.Commands;

/// <summary>`katas demo`: renders every kata's figures with the implementation the tool was built with (the reference solutions by default).</summary>
internal static class DemoCommand
{
    public const string Usage = "demo [NN]            render the katas' figures with the reference solutions into artifacts/";

    private static readonly IKataDemo[] Demos = [new LinregDemo(), new SpreadDemo(), new OptimizersDemo()];

    public static int Run(Arguments arguments)
    {
        arguments.RejectUnknown(1);
        string? only = arguments.Positionals.Count == 1 ? Repository.ResolveKata(arguments.Positionals[0]) : null;
        TorchRuntime.Initialise();
        var summary = new Table().AddColumns("kata", "run", "iterations", "result", "files");
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn())
            .Start(progress =>
            {
                foreach (IKataDemo demo in Demos.Where(demo => only is null || demo.Kata == only))
                {
                    ProgressTask task = progress.AddTask(demo.Kata, maxValue: demo.Runs);
                    foreach (DemoRow row in demo.Render(Repository.FigureFolder(demo.Kata)))
                    {
                        summary.AddRow(Markup.Escape(row.Kata), Markup.Escape(row.Run), row.Iterations.ToString(System.Globalization.CultureInfo.InvariantCulture),
                            Markup.Escape(row.Result), Markup.Escape(string.Join("\n", row.Files.Select(file => Path.GetRelativePath(Repository.Root, file)))));
                        task.Increment(1);
                    }
                }
            });
        AnsiConsole.Write(summary);
        AnsiConsole.MarkupLine($"Figures were drawn with the [bold]{Markup.Escape(Repository.BuiltAgainst)}[/] and are in " +
                               $"[bold]{Markup.Escape(Path.GetRelativePath(Repository.Root, Repository.Artifacts))}/[/]: open the .gif files to watch each run.");
        return 0;
    }
}
