using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Katas.Cli.Katas;
using Katas.Optimizers;
using Katas.Plotting;
using Spectre.Console;

namespace Katas.Cli.Commands;

/// <summary>`katas race`: several optimizers from the same start on a 2D surface.</summary>
internal static class RaceCommand
{
    public const string Usage = "race [--surface rosenbrock|beale|saddle|bowl] [--optimizers a,b,c] [--steps K] [--json]\n" +
                                "                       race optimizers on a surface; prints steps to tolerance and writes the animation";

    public static int Run(Arguments arguments)
    {
        Surface surface;
        try
        {
            surface = Surface.Named(arguments.Value("--surface") ?? "rosenbrock");
        }
        catch (ArgumentException e)
        {
            throw new UsageException("--surface: " + e.Message.Split(" (Parameter", 2)[0]);
        }

        IReadOnlyList<string> optimizers = OptimizerRuns.ParseOptimizers(arguments.Value("--optimizers"));
        int steps = arguments.Int("--steps", surface.RaceSteps, 1, 1_000_000);
        bool json = arguments.Has("--json");
        arguments.RejectUnknown(0);

        TorchRuntime.Initialise();
        IReadOnlyList<RaceResult> results = OptimizerRuns.RunRace(surface, optimizers, steps);
        RenderedRun files = OptimizerFigures.WriteRace(surface, results, Repository.FigureFolder(OptimizerRuns.Kata), animate: true);
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                surface = surface.Name,
                steps,
                tolerance = surface.Tolerance,
                results = results.Select(result => new
                {
                    optimizer = result.Optimizer,
                    learning_rate = surface.RaceRates[result.Optimizer],
                    steps_to_tolerance = result.StepsToTolerance,
                    final_loss = double.IsFinite(result.FinalLoss) ? result.FinalLoss : (double?)null,
                    diverged = !double.IsFinite(result.FinalLoss),
                }),
                figure = files.Png,
                animation = files.Gif,
            }, new JsonSerializerOptions { DefaultIgnoreCondition = JsonIgnoreCondition.Never }));
            return 0;
        }

        var table = new Table().Title($"Race on {surface.Name}: {surface.Description}; {steps} steps, tolerance {surface.Tolerance.ToString(CultureInfo.InvariantCulture)}")
            .AddColumns("optimizer", "learning rate", "steps to tolerance", "final loss");
        foreach (RaceResult result in results.OrderBy(result => result.StepsToTolerance ?? int.MaxValue))
        {
            table.AddRow(result.Optimizer, surface.RaceRates[result.Optimizer].ToString("G3", CultureInfo.InvariantCulture),
                result.StepsToTolerance?.ToString(CultureInfo.InvariantCulture) ?? "not reached",
                double.IsFinite(result.FinalLoss) ? result.FinalLoss.ToString("G4", CultureInfo.InvariantCulture) : "diverged");
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"Figures: [bold]{Markup.Escape(Path.GetRelativePath(Repository.Root, files.Png))}[/], " +
                               $"[bold]{Markup.Escape(Path.GetRelativePath(Repository.Root, files.Gif!))}[/] ({Markup.Escape(Repository.BuiltAgainst)})");
        return 0;
    }
}
