using System.ComponentModel;
using System.Diagnostics;
using Katas.Kits;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Katas.Spread.Kit;

/// <summary>`katas spread`: spreads N unit vectors in D dimensions with one of kata 02's losses.</summary>
[KataCommand("spread", "spread N unit vectors in D dimensions and print the smallest angle reached")]
public sealed class SpreadCommand(IAnsiConsole console) : Command<SpreadCommand.Settings>
{
    /// <summary>The command line of `katas spread`.</summary>
    public sealed class Settings : CommandSettings
    {
        [WholeNumber(2, 2000)]
        [CommandOption("-n|--vectors <N>")]
        [Description("number of vectors, 2..2000 (required)")]
        public int? N { get; init; }

        [WholeNumber(2, 1024)]
        [CommandOption("--dim <D>")]
        [Description("dimensions, 2..1024 (required)")]
        public int? Dim { get; init; }

        [CommandOption("--loss <LOSS>")]
        [Description("min-angle, variance, force or tammes")]
        [DefaultValue("tammes")]
        public string Loss { get; init; } = "tammes";

        [WholeNumber(1, 1000000)]
        [CommandOption("--iterations <K>")]
        [Description("steps instead of the loss's usual number")]
        public int? Iterations { get; init; }

        [CommandOption("--seed <S>")]
        [Description("seeds the random start")]
        [DefaultValue(1)]
        public int Seed { get; init; } = 1;

        [CommandOption("--json")]
        [Description("print one JSON object instead of a sentence")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (N is null || Dim is null)
            {
                return ValidationResult.Error("spread needs -n (number of vectors, 2..2000) and --dim (dimensions, 2..1024).");
            }

            if (!SpreadRuns.LossNames.Contains(Loss))
            {
                return ValidationResult.Error($"--loss must be one of {string.Join(", ", SpreadRuns.LossNames)}; got \"{Loss}\".");
            }

            return Seed < 0 ? ValidationResult.Error($"--seed must not be negative; got {Seed}.") : ValidationResult.Success();
        }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        int n = settings.N!.Value;
        int dim = settings.Dim!.Value;
        TorchRuntime.Initialise();
        var clock = Stopwatch.StartNew();
        SpreadRun run = SpreadRuns.Run(settings.Loss, n, dim, settings.Iterations, settings.Seed);
        double seconds = clock.Elapsed.TotalSeconds;
        double best = SpreadRuns.BestKnownDegrees(n, dim);
        if (settings.Json)
        {
            console.WriteJsonLine(new SpreadResult(n, dim, settings.Loss, run.Final.MinimumAngleDegrees,
                run.Final.Iteration, Math.Round(seconds, 3), settings.Seed, double.IsNaN(best) ? null : best, KataRepository.KataSource));
            return 0;
        }

        string bestText = double.IsNaN(best) ? "" : FormattableString.Invariant($"; best possible {best:0.0000}°");
        console.WriteLine(FormattableString.Invariant(
            $"{n} vectors in {dim}D, loss {settings.Loss}: smallest angle {run.Final.MinimumAngleDegrees:0.0000}° after {run.Final.Iteration} iterations ({seconds:0.00} s, seed {settings.Seed}, {KataRepository.BuiltAgainst}){bestText}"));
        return 0;
    }

    private sealed record SpreadResult(
        int N,
        int Dim,
        string Loss,
        // Full precision (the shortest text that round-trips the double): the Tammes table is compared to 7-9 decimals.
        double MinAngleDeg,
        int Iterations,
        double Seconds,
        int Seed,
        double? BestKnownDeg,
        string Implementation);
}
