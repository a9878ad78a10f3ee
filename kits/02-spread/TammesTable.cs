using System.Diagnostics;
using Katas.Kits;
using static Katas.Kits.BenchStatistics;

namespace Katas.Spread.Kit;

/// <summary>One row of the Tammes table: N points in 3D solved as `katas spread -n N --dim 3` does, against the best-known angle.</summary>
/// <param name="N">How many points.</param>
/// <param name="ReachedDegrees">The smallest angle the solver reached, recomputed from its vectors in float64 (plain loops over pairs).</param>
/// <param name="BestKnownDegrees">The best-known smallest angle (data/tammes-best-known.tsv), or null where none is recorded.</param>
/// <param name="Seconds">Wall time of the solve.</param>
/// <param name="CpuSeconds">CPU time the process used during the solve (on a shared machine, wall time also counts waiting).</param>
/// <param name="Vectors">The solver's vectors, for checking a result above the best known independently.</param>
public sealed record TammesRow(int N, double ReachedDegrees, double? BestKnownDegrees, double Seconds, double CpuSeconds, double[][] Vectors)
{
    /// <summary>How far below the best-known angle the solver stopped, in degrees (negative: above it).</summary>
    public double? GapDegrees => BestKnownDegrees - ReachedDegrees;

    /// <summary>The gap as a percentage of the best-known angle.</summary>
    public double? GapPercent => 100 * GapDegrees / BestKnownDegrees;

    /// <summary>The gap this row should be within: <see cref="TammesTable.TolerancePercent"/> up to N = 130, <see cref="TammesTable.LooseTolerancePercent"/> beyond.</summary>
    public double TargetPercent => N <= TammesTable.TightUpTo ? TammesTable.TolerancePercent : TammesTable.LooseTolerancePercent;

    /// <summary>Whether the solver is within its target gap (null: nothing to compare with).</summary>
    public bool? Matches => GapPercent <= TargetPercent;

    /// <summary>
    /// Whether the reached angle is above the table's by more than its rounding (7 to 9 decimals): a new record, unless the
    /// independent check (<see cref="TammesTable.IndependentMinimumDegrees"/>) says otherwise.
    /// </summary>
    public bool AboveBestKnown => GapDegrees < -TammesTable.TableRoundingDegrees;
}

/// <summary>
/// The Tammes table of `katas bench tammes` (and `bench spread`): the solver with the DEFAULT settings of
/// `katas spread --loss tammes` (seed 1, one call per N, no loop of restarts around it), against the best-known
/// angles in 3D (data/tammes-best-known.tsv), with the time each N took.
/// </summary>
public static class TammesTable
{
    /// <summary>The target up to N = <see cref="TightUpTo"/>: within this many percent of the best-known angle.</summary>
    public const double TolerancePercent = 0.01;

    /// <summary>The target from N = <see cref="TightUpTo"/> + 1 to 200.</summary>
    public const double LooseTolerancePercent = 0.1;

    /// <summary>The largest N held to <see cref="TolerancePercent"/> and <see cref="SecondsBudget"/>.</summary>
    public const int TightUpTo = 130;

    /// <summary>The target time per N up to <see cref="TightUpTo"/>, in seconds (one thread).</summary>
    public const double SecondsBudget = 30;

    /// <summary>The seed `katas spread` uses unless told otherwise.</summary>
    public const int Seed = 1;

    /// <summary>The table's values are rounded to 7 (Sloane) or 9 (Lai et al.) decimals: a difference below this is rounding.</summary>
    public const double TableRoundingDegrees = 1e-7;

    /// <summary>The ranges the summary gives the worst gap of.</summary>
    public static IReadOnlyList<(int From, int To)> Ranges { get; } = [(4, 30), (31, 130), (131, 200)];

    /// <summary>Solves N points in 3D for every N in <paramref name="ns"/>, one row at a time.</summary>
    public static IEnumerable<TammesRow> Rows(IEnumerable<int> ns)
    {
        foreach (int n in ns)
        {
            using Process process = Process.GetCurrentProcess();
            TimeSpan cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            SpreadRun run = SpreadRuns.Run("tammes", n, 3, iterations: null, Seed);
            double seconds = clock.Elapsed.TotalSeconds;
            process.Refresh();
            double cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
            double reached = SpreadGeometry.MinimumAngle(run.Final.Vectors) * 180 / Math.PI;
            double? best = SpreadGeometry.BestKnownDegrees3D.TryGetValue(n, out double degrees) ? degrees : null;
            yield return new TammesRow(n, reached, best, seconds, cpuSeconds, run.Final.Vectors);
        }
    }

    /// <summary>
    /// The smallest angle between two of <paramref name="vectors"/>, in degrees, computed a second way: each vector
    /// normalised in float64, each angle as atan2(|a × b|, a · b) (accurate for small angles, where acos of a dot product
    /// loses digits). A result above the best known must agree with this before it is called a record.
    /// </summary>
    public static double IndependentMinimumDegrees(double[][] vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        double[][] unit = vectors.Select(v =>
        {
            double norm = Math.Sqrt(v.Sum(x => x * x));
            return v.Select(x => x / norm).ToArray();
        }).ToArray();
        double smallest = double.PositiveInfinity;
        for (int i = 0; i < unit.Length; i++)
        {
            for (int j = i + 1; j < unit.Length; j++)
            {
                double[] a = unit[i], b = unit[j];
                double cx = a[1] * b[2] - a[2] * b[1], cy = a[2] * b[0] - a[0] * b[2], cz = a[0] * b[1] - a[1] * b[0];
                double angle = Math.Atan2(Math.Sqrt(cx * cx + cy * cy + cz * cz), a[0] * b[0] + a[1] * b[1] + a[2] * b[2]);
                smallest = Math.Min(smallest, angle);
            }
        }

        return smallest * 180 / Math.PI;
    }

    /// <summary>The cells of a row: N, reached °, best known °, gap %, gap °, target, seconds, CPU seconds.</summary>
    public static string[] Cells(TammesRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return
        [
            row.N.ToString(System.Globalization.CultureInfo.InvariantCulture), F(row.ReachedDegrees, "0.000000"),
            row.BestKnownDegrees is double best ? F(best, "0.000000") : "not sourced",
            row.GapPercent is double percent ? F(percent, "0.0000") : "", row.GapDegrees is double gap ? F(gap, "0.000000") : "",
            row.Matches switch { true => $"≤ {F(row.TargetPercent, "0.00")}%: met", false => $"≤ {F(row.TargetPercent, "0.00")}%: MISSED", null => "" },
            F(row.Seconds, "0.00"), F(row.CpuSeconds, "0.00"),
        ];
    }

    /// <summary>The column headers matching <see cref="Cells"/>.</summary>
    public static string[] Headers { get; } = ["N", "reached °", "best known °", "gap %", "gap °", "target", "seconds", "CPU seconds"];

    /// <summary>
    /// The summary lines: per range the worst gap and the slowest N; how many N meet their targets; which miss; and every
    /// result above the best known with its independent check.
    /// </summary>
    public static IEnumerable<string> Summary(IReadOnlyList<TammesRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach ((int from, int to) in Ranges)
        {
            List<TammesRow> range = rows.Where(row => row.N >= from && row.N <= to && row.GapPercent is not null).ToList();
            if (range.Count == 0)
            {
                continue;
            }

            TammesRow worst = range.MaxBy(row => row.GapPercent!.Value)!;
            TammesRow slowest = range.MaxBy(row => row.Seconds)!;
            int met = range.Count(row => row.Matches == true);
            yield return FormattableString.Invariant($"N = {range[0].N}..{range[^1].N}: worst gap {worst.GapPercent:0.0000}% ({worst.GapDegrees:0.000000}°) at N = {worst.N}; ") +
                FormattableString.Invariant($"{met} of {range.Count} within {worst.TargetPercent}%; slowest N = {slowest.N}, {slowest.Seconds:0.0} s wall ({slowest.CpuSeconds:0.0} s CPU); ") +
                FormattableString.Invariant($"median {Median(range.Select(row => row.Seconds)):0.0} s.");
        }

        List<TammesRow> missed = rows.Where(row => row.Matches == false).ToList();
        if (missed.Count > 0)
        {
            yield return "Short of the target: " + string.Join(", ", missed.Select(row => FormattableString.Invariant($"{row.N} ({row.GapPercent:0.000}%)"))) + ".";
        }

        List<TammesRow> slow = rows.Where(row => row.N <= TightUpTo && row.Seconds > SecondsBudget).ToList();
        if (slow.Count > 0)
        {
            yield return FormattableString.Invariant($"Over {SecondsBudget} s (N ≤ {TightUpTo}): ") +
                string.Join(", ", slow.Select(row => FormattableString.Invariant($"{row.N} ({row.Seconds:0.0} s wall, {row.CpuSeconds:0.0} s CPU)"))) + ".";
        }

        foreach (TammesRow row in rows.Where(row => row.AboveBestKnown))
        {
            double check = IndependentMinimumDegrees(row.Vectors);
            bool confirmed = check - row.BestKnownDegrees!.Value > TableRoundingDegrees;
            yield return FormattableString.Invariant($"N = {row.N}: {row.ReachedDegrees:0.000000000}° is above the best known {row.BestKnownDegrees:0.000000000}°; ") +
                FormattableString.Invariant($"recomputed independently (float64, atan2 of cross and dot products): {check:0.000000000}°, ") +
                (confirmed ? "still above: a candidate record, to be checked against the literature before it is claimed." : "not above: rounding, not a record.");
        }

        List<TammesRow> unsourced = rows.Where(row => row.BestKnownDegrees is null).ToList();
        if (unsourced.Count > 0)
        {
            yield return $"N = {string.Join(", ", unsourced.Select(row => row.N))}: no best-known angle is recorded (data/tammes-best-known.tsv), so no gap.";
        }
    }

    /// <summary>The rows as a Markdown table (for docs/02-spread.md).</summary>
    public static IEnumerable<string> Markdown(IEnumerable<TammesRow> rows) =>
        BenchReport.MarkdownHeader(Headers).Concat(rows.Select(row => BenchReport.MarkdownRow(Cells(row))));

    /// <summary>The table as a report: the rows and the summary as its notes.</summary>
    public static BenchReport Report(string title, IReadOnlyList<TammesRow> rows)
    {
        var report = new BenchReport(title, Headers);
        foreach (TammesRow row in rows)
        {
            report.AddRow(Cells(row));
        }

        foreach (string line in Summary(rows))
        {
            report.AddNote(line);
        }

        return report;
    }

    /// <summary>Every row at full precision (the angles as computed, in degrees), for --json.</summary>
    public static object Figures(IEnumerable<TammesRow> rows) => rows.Select(row => new
    {
        row.N,
        row.ReachedDegrees,
        row.BestKnownDegrees,
        row.GapPercent,
        row.TargetPercent,
        row.Matches,
        row.Seconds,
        row.CpuSeconds,
        IndependentMinimumDegrees = row.AboveBestKnown ? IndependentMinimumDegrees(row.Vectors) : (double?)null,
    }).ToList();
}
