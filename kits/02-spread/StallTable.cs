using Katas.Kits;
using System.Globalization;
using Katas.Spread;
using static TorchSharp.torch;

namespace Katas.Spread.Kit;

/// <summary>How one run of an article loss ended, from one start of 20 vectors in 2D.</summary>
/// <param name="FinalDegrees">The smallest angle it ended at (recomputed from the final vectors in plain loops).</param>
/// <param name="WidestGapDegrees">The widest gap between neighbours on the circle at the end (18° when evenly spread).</param>
/// <param name="SecondRunDegrees">The smallest angle after a second run with the same settings from where the first ended.</param>
public sealed record StallEnd(double FinalDegrees, double WidestGapDegrees, double SecondRunDegrees);

/// <summary>Where the article's three losses ended from one random start of 20 vectors in 2D.</summary>
/// <param name="Seed">Seeds the start (<see cref="SpreadRuns.Start"/>), the same for the three losses.</param>
/// <param name="Ends">How each loss of <see cref="SpreadRuns.ArticleLossNames"/> ended, in its order.</param>
public sealed record StallRow(int Seed, IReadOnlyList<StallEnd> Ends);

/// <summary>One loss over every start: the median, smallest and largest final angle, and how many reached the optimum.</summary>
/// <param name="Loss">One of <see cref="SpreadRuns.ArticleLossNames"/>.</param>
/// <param name="Median">The median final smallest angle, in degrees.</param>
/// <param name="Min">The smallest final smallest angle, in degrees.</param>
/// <param name="Max">The largest final smallest angle, in degrees.</param>
/// <param name="Reached">How many starts ended within <see cref="StallTable.TolerancePercent"/> of the optimum.</param>
/// <param name="Short">The seeds of the starts that did not.</param>
/// <param name="SecondRunMin">The smallest angle the worst start reached after a second run from its end.</param>
/// <param name="SecondRunReached">How many starts were within <see cref="StallTable.TolerancePercent"/> of the optimum after the second run.</param>
/// <param name="Starts">How many starts there were.</param>
public sealed record StallSummary(string Loss, double Median, double Min, double Max, int Reached, IReadOnlyList<int> Short,
    double SecondRunMin, int SecondRunReached, int Starts);

/// <summary>
/// The lesson "the article's losses stall", measured: losses a, b and c (<see cref="SpreadRuns.ArticleLossNames"/>) with
/// the article's settings (<see cref="DescentSettings.ArticleLosses"/>) on 20 vectors in 2D from many random starts.
/// </summary>
public static class StallTable
{
    /// <summary>How many vectors (in 2D).</summary>
    public const int N = 20;

    /// <summary>The optimum for 20 vectors in 2D: the regular 20-gon's 360°/20.</summary>
    public const double OptimumDegrees = 18;

    /// <summary>A run "reaches" the optimum when it ends within this many percent of it.</summary>
    public const double TolerancePercent = 0.5;

    /// <summary>The smallest final angle that counts as reaching the optimum: 17.91°.</summary>
    public static double ReachedDegrees => OptimumDegrees * (1 - TolerancePercent / 100);

    /// <summary>Runs the three losses from the starts seeded 1..<paramref name="seeds"/>, then once more from each end; one row per seed.</summary>
    public static IEnumerable<StallRow> Rows(int seeds)
    {
        for (int seed = 1; seed <= seeds; seed++)
        {
            var ends = new List<StallEnd>();
            foreach (string loss in SpreadRuns.ArticleLossNames)
            {
                double[][] final = SpreadRuns.Article(loss, N, 2, seed, DescentSettings.ArticleLosses).Final.Vectors;
                using Tensor end = SpreadGeometry.ToTensor(final);
                double[][] second = SpreadRuns.Article(loss, end, DescentSettings.ArticleLosses).Final.Vectors;
                ends.Add(new StallEnd(Degrees(SpreadGeometry.MinimumAngle(final)), WidestGapDegrees(final), Degrees(SpreadGeometry.MinimumAngle(second))));
            }

            yield return new StallRow(seed, ends);
        }
    }

    /// <summary>The widest angle between neighbours going round the circle, for vectors in 2D, in degrees.</summary>
    public static double WidestGapDegrees(double[][] vectors)
    {
        double[] angles = vectors.Select(v => Degrees(Math.Atan2(v[1], v[0]))).Order().ToArray();
        return angles.Select((angle, i) => i + 1 < angles.Length ? angles[i + 1] - angle : angles[0] + 360 - angle).Max();
    }

    /// <summary>Per loss: median, min, max, how many starts reached the optimum, and how the second run did.</summary>
    public static IReadOnlyList<StallSummary> Summaries(IReadOnlyList<StallRow> rows) =>
        SpreadRuns.ArticleLossNames.Select((loss, i) =>
        {
            double[] finals = rows.Select(row => row.Ends[i].FinalDegrees).Order().ToArray();
            double median = BenchStatistics.Median(finals);
            double[] seconds = rows.Select(row => row.Ends[i].SecondRunDegrees).ToArray();
            return new StallSummary(loss, median, finals[0], finals[^1], finals.Count(angle => angle >= ReachedDegrees),
                rows.Where(row => row.Ends[i].FinalDegrees < ReachedDegrees).Select(row => row.Seed).ToList(),
                seconds.Min(), seconds.Count(angle => angle >= ReachedDegrees), finals.Length);
        }).ToList();

    /// <summary>The per-seed table: per loss, the final angle, the widest gap and the second run's angle.</summary>
    public static BenchReport SeedReport(string title, IReadOnlyList<StallRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var report = new BenchReport(title, ["seed", .. SpreadRuns.ArticleLossNames.Select(Heading)]);
        foreach (StallRow row in rows)
        {
            report.AddRow(SeedCells(row));
        }

        return report;
    }

    /// <summary>One seed's cells of <see cref="SeedReport"/>.</summary>
    public static string[] SeedCells(StallRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return [row.Seed.ToString(CultureInfo.InvariantCulture),
            .. row.Ends.Select(end => $"{F(end.FinalDegrees, "0.0000")} (gap {F(end.WidestGapDegrees, "0.00")}; again {F(end.SecondRunDegrees, "0.0000")})")];
    }

    /// <summary>The summary table: per loss, median, min and max end, how many starts reach the optimum, and how the second run did.</summary>
    public static BenchReport SummaryReport(IReadOnlyList<StallSummary> summaries, string note)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        string reached = $"within {F(TolerancePercent, "0.0")}% of {F(OptimumDegrees, "0")}° (≥ {F(ReachedDegrees, "0.00")}°)";
        var report = new BenchReport("Where each loss ends, over all starts",
            "loss", "median °", "min °", "max °", reached, "short of it (seeds)", "second run: min °", $"second run: {reached}");
        foreach (StallSummary summary in summaries)
        {
            report.AddRow(
                Heading(summary.Loss), F(summary.Median, "0.0000"), F(summary.Min, "0.0000"), F(summary.Max, "0.0000"),
                $"{I(summary.Reached)} of {I(summary.Starts)}", summary.Short.Count == 0 ? "none" : string.Join(", ", summary.Short.Select(I)),
                F(summary.SecondRunMin, "0.0000"), $"{I(summary.SecondRunReached)} of {I(summary.Starts)}");
        }

        report.AddNote(note);
        return report;
    }

    /// <summary>The column heading of a loss: its letter in the README and its name on the command line.</summary>
    public static string Heading(string loss) => loss switch
    {
        "min-angle" => "a (min-angle)",
        "variance" => "b (variance)",
        "force" => "c (force)",
        _ => loss,
    };

    private static double Degrees(double radians) => radians * 180 / Math.PI;

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}
