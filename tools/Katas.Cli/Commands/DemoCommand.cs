using System.Globalization;
using Katas.Kits;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Katas.Cli.Commands;

/// <summary>`katas demo`: renders every kata's figures with the implementation the tool was built with (the reference solutions by default).</summary>
public sealed class DemoCommand(IAnsiConsole console) : Command<KataSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, KataSettings settings, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> katas = settings.Katas;
        IReadOnlyList<IKataDemo> demos = KitCatalog.Demos.Where(demo => katas.Contains(demo.Kata)).ToList();
        TorchRuntime.Initialise();
        var summary = new Table().AddColumns("kata", "run", "iterations", "result", "files");
        Progress.Show(console, "demo", demos.Sum(demo => demo.Runs), advance =>
        {
            foreach (IKataDemo demo in demos)
            {
                foreach (DemoRow row in demo.Render(KataRepository.FigureFolder(demo.Kata)))
                {
                    summary.AddRow(Markup.Escape(row.Kata), Markup.Escape(row.Run), row.Iterations.ToString(CultureInfo.InvariantCulture),
                        Markup.Escape(row.Result), Markup.Escape(string.Join("\n", row.Files.Select(KataRepository.Relative))));
                    advance($"{row.Kata}: {row.Run}");
                }
            }
        });
        console.Write(summary);
        console.MarkupLine($"Figures were drawn with the [bold]{Markup.Escape(KataRepository.BuiltAgainst)}[/] and are in " +
                               $"[bold]{Markup.Escape(KataRepository.Relative(KataRepository.Artifacts))}/[/]: open the .gif files to watch each run.");
        return 0;
    }
}
