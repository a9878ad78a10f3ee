using System.Globalization;
using System.Text.RegularExpressions;
using Katas.Kits;

namespace Katas.Cli.Bench;

/// <summary>The tables of `bench loop`: each scenario's median against its target, the breakdown of a save, warm against cold.</summary>
internal static partial class LoopReports
{
    /// <summary>Seconds to the board's line: the targets of the learner's loop (issue: the learner's loop in about a second).</summary>
    private const double RightTargetLight = 1.5;
    private const double RightTargetHeavy = 3.0;
    private const double CompileErrorTarget = 1.0;
    private const double WholeKataTarget = 10.0;
    private const double CrashTarget = 5.0;
    private const double WarmOverColdTarget = 10.0;
    private const double HelpTarget = 0.5;

    public static IEnumerable<BenchReport> Of(IReadOnlyList<LoopResult> results, IReadOnlyList<double> help, LoopBenchCommand.Settings settings)
    {
        var saves = new BenchReport($"Save to board, median of {settings.Repeat} (min-max), seconds", "kata", "task", "what was saved", "to the board line", "target", "met");
        var breakdown = new BenchReport("Where a save of the right file goes (medians, seconds after the save, from the board's `watch --timings` line)",
            "kata", "noticed", "compiled in", "tests loaded", "task's row", "whole kata");
        var cold = new BenchReport($"Warm against cold for the same task: watch's full row against `dotnet test --filter` (median of {settings.Cold}, after a build)",
            "kata", "task", "warm (s)", "cold (s)", "cold / warm", "target", "met");
        foreach (LoopResult result in results)
        {
            string kata = result.Loop.Kata;
            string task = result.Loop.Task.ToString(CultureInfo.InvariantCulture);
            double rightTarget = kata.StartsWith("01", StringComparison.Ordinal) ? RightTargetLight : RightTargetHeavy;
            bool hasLong = result.RightComplete.Zip(result.Right).Any(pair => pair.First > pair.Second);
            Row(saves, kata, task, hasLong ? $"right ({result.Loop.File}): the task's row so far (quick tests)" : $"right ({result.Loop.File})", result.Right, rightTarget);
            if (hasLong)
            {
                Row(saves, kata, task, "right: the task's full row (its long tests too)", result.RightComplete, rightTarget);
            }

            Row(saves, kata, task, "not compiling", result.CompileError, CompileErrorTarget);
            Row(saves, kata, task, $"wrong (mutant {result.Loop.Mutant})", result.Wrong, rightTarget);
            Row(saves, kata, task, "crashing: to the crash's message", result.Crash, CrashTarget);
            Row(saves, kata, task, "right again after the crash", result.WarmAgain, CrashTarget);
            Row(saves, kata, task, "right: to the whole kata's count", result.WholeKata, WholeKataTarget);

            List<string> rightTimings = result.Timings.Where((_, i) => i % 5 == 1).ToList();
            breakdown.AddRow(kata, Median(rightTimings, NoticedPart()), Median(rightTimings, CompiledPart()), Median(rightTimings, LoadedPart()),
                Median(rightTimings, RowPart()), Median(rightTimings, WholePart()));

            if (result.Cold.Count > 0)
            {
                // The same work on both sides: the cold run ends when the task's every test has, long ones too.
                double warm = Median(result.RightComplete);
                double ratio = Median(result.Cold) / warm;
                cold.AddRow(kata, task, F(warm), F(Median(result.Cold)), string.Create(CultureInfo.InvariantCulture, $"{ratio:0.0}x"),
                    $">= {WarmOverColdTarget:0}x", ratio >= WarmOverColdTarget ? "yes" : $"no: {WarmOverColdTarget / ratio:0.0}x short");
            }
        }

        yield return saves;
        yield return breakdown;
        if (results.Any(result => result.Cold.Count > 0))
        {
            yield return cold;
        }

        if (help.Count > 0)
        {
            var wrapper = new BenchReport($"./kata --help with the tool built (median of {help.Count}), seconds", "median", "min-max", "target", "met");
            double median = Median(help);
            wrapper.AddRow(F(median), $"{F(help.Min())}-{F(help.Max())}", $"<= {HelpTarget}", Met(median, HelpTarget));
            yield return wrapper;
        }
    }

    private static void Row(BenchReport report, string kata, string task, string what, List<double> seconds, double target)
    {
        double median = Median(seconds);
        report.AddRow(kata, task, what, $"{F(median)} ({F(seconds.Min())}-{F(seconds.Max())})", $"<= {target.ToString(CultureInfo.InvariantCulture)}", Met(median, target));
    }

    private static string Met(double median, double target) =>
        median <= target ? "yes" : string.Create(CultureInfo.InvariantCulture, $"no: {median - target:0.00} s over");

    private static string Median(IEnumerable<string> lines, Regex part)
    {
        List<double> values = lines.Select(line => part.Match(line)).Where(match => match.Success)
            .Select(match => double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        return values.Count == 0 ? "-" : F(Median(values));
    }

    private static double Median(IReadOnlyList<double> values)
    {
        List<double> sorted = [.. values.Order()];
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string F(double seconds) => seconds.ToString("0.00", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"noticed ([\d.]+) s")]
    private static partial Regex NoticedPart();

    [GeneratedRegex(@"compiled in ([\d.]+) s")]
    private static partial Regex CompiledPart();

    [GeneratedRegex(@"loaded ([\d.]+) s")]
    private static partial Regex LoadedPart();

    [GeneratedRegex(@"row ([\d.]+) s")]
    private static partial Regex RowPart();

    [GeneratedRegex(@"all ([\d.]+) s")]
    private static partial Regex WholePart();
}
