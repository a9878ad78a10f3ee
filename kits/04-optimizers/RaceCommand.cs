using System.ComponentModel;
using System.Globalization;
using Katas.Figures;
using Katas.Kits;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Katas.Optimizers.Kit;

/// <summary>`katas race`: several optimizers from the same start on a 2D surface.</summary>
[KataCommand("race", "race optimizers on a 2D surface; prints steps to tolerance and writes the animation")]
public sealed class RaceCommand(IAnsiConsole console) : Command<RaceCommand.Settings>
{
    /// <summary>The command line of `katas race`.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--surface <NAME>")]
        [Description("rosenbrock, beale, saddle or bowl")]
        [DefaultValue("rosenbrock")]
        public string Surface { get; init; } = "rosenbrock";

        [CommandOption("--optimizers <LIST>")]
        [Description("comma-separated: sgd, momentum, nesterov, rmsprop, adam, adagrad (default: all)")]
        public string? Optimizers { get; init; }

        [WholeNumber(1, 1000000)]
        [CommandOption("--steps <K>")]
        [Description("steps per optimizer (default: the surface's race length)")]
        public int? Steps { get; init; }

        [CommandOption("--json")]
        [Description("print one JSON object instead of a table")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (!Katas.Optimizers.Surface.All.Any(surface => surface.Name == Surface))
            {
                return ValidationResult.Error($"--surface must be one of {string.Join(", ", Katas.Optimizers.Surface.All.Select(s => s.Name))}; got \"{Surface}\".");
            }

            try
            {
                OptimizerRuns.ParseOptimizers(Optimizers);
                return ValidationResult.Success();
            }
            catch (UsageException e)
            {
                return ValidationResult.Error(e.Message);
            }
        }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        Surface surface = Surface.Named(settings.Surface);
        IReadOnlyList<string> optimizers = OptimizerRuns.ParseOptimizers(settings.Optimizers);
        int steps = settings.Steps ?? surface.RaceSteps;
        TorchRuntime.Initialise();
        IReadOnlyList<RaceResult> results = OptimizerRuns.RunRace(surface, optimizers, steps);
        RenderedRun files = OptimizerFigures.WriteRace(surface, results, KataRepository.FigureFolder(OptimizerRuns.Kata), animate: true);
        if (settings.Json)
        {
            console.WriteJsonLine(new
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
            });
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

        console.Write(table);
        console.MarkupLine($"Figures: [bold]{Markup.Escape(KataRepository.Relative(files.Png))}[/], " +
                               $"[bold]{Markup.Escape(KataRepository.Relative(files.Gif!))}[/] ({Markup.Escape(KataRepository.BuiltAgainst)})");
        return 0;
    }
}
