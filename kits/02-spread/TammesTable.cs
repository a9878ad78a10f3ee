using Katas.Kits;
using System.Diagnostics;
using System.Globalization;

namespace Katas.Spread.Kit;

/// <summary>One row of the Tammes table: N points in 3D solved as `katas spread --n N --dim 3` does, against the best-known angle.</summary>
/// <param name="N">How many points.</param>
/// <param name="ReachedDegrees">The smallest angle the solver reached (recomputed from its vectors in plain loops).</param>
/// <param name="BestKnownDegrees">The best-known smallest angle (Sloane's table), or null where none is recorded here.</param>
/// <param name="Seconds">Wall time of the solve.</param>
/// <param name="CpuSeconds">CPU time the process used during the solve (on a shared machine, wall time also counts waiting).</param>
public sealed record TammesRow(int N, double ReachedDegrees, double? BestKnownDegrees, double Seconds, double CpuSeconds)
{
    /// <summary>How far below the best-known angle the solver stopped, in degrees (negative: above it).</summary>
    public double? GapDegrees => BestKnownDegrees - ReachedDegrees;

    /// <summary>The gap as a percentage of the best-known angle.</summary>
    public double? GapPercent => 100 * GapDegrees / BestKnownDegrees;

    /// <summary>Whether the solver is within <see cref="TammesTable.TolerancePercent"/> of the best-known angle (null: nothing to compare with).</summary>
    public bool? Matches => GapPercent <= TammesTable.TolerancePercent;
}

/// <summary>
/// The Tammes table of `katas bench tammes` (and `bench spread`): the solver with the DEFAULT settings of
/// `katas spread --loss tammes` (seed 1, one call per N, no loop of restarts around it), against the best-known
/// angles in 3D, with the time each N took.
/// </summary>
public static class TammesTable
{
    /// <summary>The target: within this many percent of the best-known angle.</summary>
    public const double TolerancePercent = 0.01;

    /// <summary>The target time per N, in seconds.</summary>
    public const double SecondsBudget = 5;

    /// <summary>The seed `katas spread` uses unless told otherwise.</summary>
    public const int Seed = 1;

    /// <summary>Solves N points in 3D for every N in <paramref name="ns"/>, one row at a time.</summary>
    public static IEnumerable<TammesRow> Rows(IEnumerable<int> ns)
    {
        foreach (int n in ns)
        {
            Process process = Process.GetCurrentProcess();
            TimeSpan cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            SpreadRun run = SpreadRuns.Run("tammes", n, 3, iterations: null, Seed);
            double seconds = clock.Elapsed.TotalSeconds;
            process.Refresh();
            double cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
            double reached = SpreadGeometry.MinimumAngle(run.Final.Vectors) * 180 / Math.PI;
            double? best = SpreadGeometry.BestKnownDegrees3D.TryGetValue(n, out double degrees) ? degrees : null;
            yield return new TammesRow(n, reached, best, seconds, cpuSeconds);
        }
    }

    /// <summary>The cells of a row: N, reached °, best known °, gap %, gap °, seconds, CPU seconds.</summary>
    public static string[] Cells(TammesRow row) =>
    [
        I(row.N), F(row.ReachedDegrees, "0.0000"), row.BestKnownDegrees is double best ? F(best, "0.0000") : "not sourced",
        row.GapPercent is double percent ? F(percent, "0.0000") : "", row.GapDegrees is double gap ? F(gap, "0.0000") : "",
        F(row.Seconds, "0.00"), F(row.CpuSeconds, "0.00"),
    ];

    /// <summary>The column headers matching <see cref="Cells"/>.</summary>
    public static string[] Headers { get; } = ["N", "reached °", "best known °", "gap %", "gap °", "seconds", "CPU seconds"];

    /// <summary>The summary lines: how many N match, the worst gap, the slowest N, and where matching stops.</summary>
    public static IEnumerable<string> Summary(IReadOnlyList<TammesRow> rows)
    {
        List<TammesRow> compared = rows.Where(row => row.BestKnownDegrees is not null).ToList();
        if (compared.Count > 0)
        {
            TammesRow worst = compared.MaxBy(row => row.GapPercent!.Value)!;
            int matched = compared.Count(row => row.Matches == true);
            yield return FormattableString.Invariant(
                $"Within {TolerancePercent}% of the best-known angle for {matched} of {compared.Count} values of N ({compared[0].N}..{compared[^1].N}); worst gap {worst.GapPercent:0.0000}% ({worst.GapDegrees:0.0000}°) at N = {worst.N}.");
            TammesRow? firstMiss = compared.FirstOrDefault(row => row.Matches == false);
            if (firstMiss is not null)
            {
                yield return $"First N that misses: {firstMiss.N}.";
            }
        }

        TammesRow slowest = rows.MaxBy(row => row.Seconds)!;
        int inBudget = rows.Count(row => row.Seconds <= SecondsBudget);
        yield return FormattableString.Invariant(
            $"Slowest: N = {slowest.N}, {slowest.Seconds:0.00} s wall ({slowest.CpuSeconds:0.00} s CPU); {inBudget} of {rows.Count} within {SecondsBudget} s.");
        List<TammesRow> unsourced = rows.Where(row => row.BestKnownDegrees is null).ToList();
        if (unsourced.Count > 0)
        {
            yield return $"N = {string.Join(", ", unsourced.Select(row => row.N))}: no best-known angle is recorded here (SpreadGeometry.BestKnownDegrees3D), so no gap.";
        }
    }

    /// <summary>The rows as a Markdown table (for docs/02-spread.md).</summary>
    public static IEnumerable<string> Markdown(IEnumerable<TammesRow> rows) =>
        BenchReport.MarkdownHeader(Headers).Concat(rows.Select(row => BenchReport.MarkdownRow(Cells(row))));

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
