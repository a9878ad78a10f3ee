using System.ComponentModel;
using Katas.Kits;
using Spectre.Console;
using Spectre.Console.Cli;
using static Katas.Kits.BenchStatistics;

namespace Katas.Spread.Kit;

/// <summary>The command line of `katas bench tammes` and `katas bench spread`.</summary>
public class TammesBenchSettings : BenchSettings
{
    /// <summary>The largest N with a best-known angle in data/tammes-best-known.tsv.</summary>
    public const int LargestN = 200;

    /// <summary>The smallest N of the Tammes table.</summary>
    [WholeNumber(4, LargestN)]
    [CommandOption("--from <N>")]
    [Description("the Tammes table starts at this N, 4..200")]
    [DefaultValue(4)]
    public int From { get; init; } = 4;

    /// <summary>The largest N of the Tammes table, when given.</summary>
    [CommandOption("--to <N>")]
    [Description("the Tammes table ends at this N, --from..200 (default: 200 for bench tammes, 30 for bench spread)")]
    public int? To { get; init; }

    /// <summary>Whether to print each row as a Markdown table row while it runs.</summary>
    [CommandOption("--markdown")]
    [Description("print each row as a Markdown table row (for docs/02-spread.md) as it is measured")]
    public bool Markdown { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        To is int to && (to < From || to > LargestN) ? ValidationResult.Error($"--to must be a whole number from --from ({From}) to {LargestN}; got {to}.")
        : ValidationResult.Success();
}

/// <summary>
/// `katas bench tammes`: the Tammes table, N points in 3D solved with the default settings of
/// `katas spread --loss tammes`, against the best-known angles, with the time each N took.
/// </summary>
[KataBench("tammes", "the Tammes table: N = 4..200 in 3D with the default settings, against the best-known angles (gap %, seconds, CPU seconds)")]
public sealed class TammesBench(IAnsiConsole console) : BenchCommand<TammesBenchSettings>(console)
{
    /// <inheritdoc />
    protected override string Heading(TammesBenchSettings settings) => "Kata 02: the Tammes table (float64, one thread)";

    /// <inheritdoc />
    protected override BenchResult Measure(TammesBenchSettings settings, BenchRun run)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Table(settings.From, settings.To ?? TammesBenchSettings.LargestN, settings.Markdown, run);
    }

    /// <summary>Measures N = <paramref name="from"/>..<paramref name="to"/>, printing each row as it is done, and returns the table for the docs.</summary>
    internal static BenchResult Table(int from, int to, bool markdown, BenchRun run)
    {
        string title = FormattableString.Invariant($"Tammes solver, N points in 3D, default settings of `katas spread --loss tammes` (seed {TammesTable.Seed}); ") +
            FormattableString.Invariant($"targets: within {TammesTable.TolerancePercent}% of the best-known angle in ≤ {TammesTable.SecondsBudget} s up to N = {TammesTable.TightUpTo}, ") +
            FormattableString.Invariant($"within {TammesTable.LooseTolerancePercent}% beyond");
        run.Say(title);
        var rows = new List<TammesRow>();
        foreach (TammesRow row in TammesTable.Rows(Enumerable.Range(from, to - from + 1)))
        {
            rows.Add(row);
            run.Say(markdown
                ? (rows.Count == 1 ? string.Join('\n', TammesTable.Markdown([row])) : TammesTable.Markdown([row]).Last())
                : FormattableString.Invariant($"N = {row.N}: {row.ReachedDegrees:0.000000}°") +
                  (row.BestKnownDegrees is double best ? $" (best known {F(best, "0.000000")}°, gap {F(row.GapPercent!.Value, "0.0000")}%)" : "") +
                  $", {F(row.Seconds, "0.0")} s, {F(row.CpuSeconds, "0.0")} s CPU");
        }

        BenchReport report = TammesTable.Report(title, rows);
        run.Show(report);
        return new BenchResult(SpreadRuns.Kata, FormattableString.Invariant($"tammes-{from}-{to}"), [report], TammesTable.Figures(rows));
    }
}
