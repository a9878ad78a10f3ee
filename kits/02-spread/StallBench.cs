using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Katas.Kits;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Katas.Spread.Kit;

/// <summary>The command line of `katas bench stall`.</summary>
public sealed class StallBenchSettings : BenchSettings
{
    /// <summary>How many random starts (seeds 1..K).</summary>
    [WholeNumber(1, 200)]
    [CommandOption("--seeds <K>")]
    [Description("random starts, seeded 1..K, 1..200")]
    [DefaultValue(20)]
    public int Seeds { get; init; } = 20;
}

/// <summary>
/// `katas bench stall`: where the article's losses a, b and c end for 20 vectors in 2D with the article's settings,
/// from many random starts: the README's lesson "the article's losses stall", measured rather than told from one run.
/// </summary>
[KataBench("stall", "kata 02: where losses a, b and c end for 20 vectors in 2D, over many random starts (the article's settings)")]
public sealed class StallBench(IAnsiConsole console) : BenchCommand<StallBenchSettings>(console)
{
    /// <inheritdoc />
    protected override string Heading(StallBenchSettings settings) => "Kata 02: do the article's losses stall? (float64, one thread)";

    /// <inheritdoc />
    protected override BenchResult Measure(StallBenchSettings settings, BenchRun run)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(run);
        string title = string.Create(CultureInfo.InvariantCulture,
            $"Losses a, b and c on {StallTable.N} vectors in 2D, DescentSettings.ArticleLosses, starts seeded 1..{settings.Seeds}. " +
            $"Each cell: the smallest angle the run ended at (degrees; the optimum is {StallTable.OptimumDegrees}°), the widest gap between neighbours on the circle at the end " +
            $"(18° when evenly spread), and the smallest angle after a second run with the same settings from that end.");
        run.Say(title);
        var clock = Stopwatch.StartNew();
        var rows = new List<StallRow>();
        foreach (StallRow row in StallTable.Rows(settings.Seeds))
        {
            rows.Add(row);
            // One line per seed, so a long run shows its progress.
            run.Say(BenchReport.MarkdownRow(StallTable.SeedCells(row)));
        }

        string runs = FormattableString.Invariant($"{6 * rows.Count} runs (each loss from each start, then again from its end) in {clock.Elapsed.TotalSeconds:0} s.");
        BenchReport summary = StallTable.SummaryReport(StallTable.Summaries(rows), runs);
        BenchReport seeds = StallTable.SeedReport(title, rows);
        run.Show(summary);
        return new BenchResult(SpreadRuns.Kata, FormattableString.Invariant($"stall-{settings.Seeds}"), [summary, seeds], rows);
    }
}
