using System.ComponentModel;
using System.Diagnostics;
using Katas.Cli.Mutants;
using Katas.Kits;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Katas.Cli.Commands;

/// <summary>`katas verify mutants [NN] [--mutant NAME]`: every known-wrong variant of a solution is caught by the test it names.</summary>
public sealed class VerifyMutantsCommand(IAnsiConsole console) : Command<VerifyMutantsCommand.Settings>
{
    /// <summary>The command line of `katas verify mutants`.</summary>
    public sealed class Settings : KataSettings
    {
        [CommandOption("--mutant <NAME>")]
        [Description("only this mutant (tests/NN-name/Mutants/NAME.mutant; needs a kata)")]
        public string? Mutant { get; init; }

        [WholeNumber(1, 64)]
        [CommandOption("--parallel <N>")]
        [Description("mutants tested at once (default: the number of cores)")]
        public int? Parallel { get; init; }

        public override ValidationResult Validate()
        {
            ValidationResult kata = base.Validate();
            if (!kata.Successful)
            {
                return kata;
            }

            if (Mutant is not null && Kata is null)
            {
                return ValidationResult.Error("--mutant needs a kata: e.g. verify mutants 01 --mutant gradient-sign-flipped.");
            }

            return Mutant is not null && !File.Exists(MutantCheck.PathOf(Katas[0], Mutant))
                ? ValidationResult.Error($"{Katas[0]} has no mutant \"{Mutant}\" (tests/{Katas[0]}/Mutants/{Mutant}.mutant).")
                : ValidationResult.Success();
        }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        int parallel = settings.Parallel ?? Environment.ProcessorCount;
        var outcomes = new List<MutantOutcome>();
        foreach (string kata in settings.Katas)
        {
            outcomes.AddRange(MutantCheck.Run(console, kata, settings.Mutant, parallel));
        }

        int caught = outcomes.Count(outcome => outcome.Caught);
        string report = MutantReport.Write(outcomes, Path.Combine(KataRepository.Artifacts, "mutants", "report.md"));
        console.MarkupLine($"Every mutant with the test that caught it and its first line: {Markup.Escape(KataRepository.Relative(report))}");
        console.MarkupLine($"{(caught == outcomes.Count ? "[green]" : "[red]")}{caught} of {outcomes.Count} mutants caught as declared[/] " +
                               $"in {clock.Elapsed.TotalSeconds:0} s ({parallel} at a time).");
        return caught == outcomes.Count && outcomes.Count > 0 ? 0 : 1;
    }
}
