using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Katas.Cli.Running;
using Katas.Conventions;
using Katas.Kits;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Katas.Cli.Bench;

/// <summary>
/// `./kata bench loop`: the learner's loop timed as a learner lives it. On scratch copies of katas 01, 03 and 05 with
/// `watch` warm, it saves one task's file and times until that task's row is on the board: the right version, one that
/// does not compile, a wrong one (a committed mutant), one that crashes the test process (and the right one after it:
/// warm again); then the cold path (`dotnet test --filter` on the same task) in the same run, and `./kata --help`.
/// </summary>
public sealed partial class LoopBenchCommand(IAnsiConsole console) : Command<LoopBenchCommand.Settings>
{
    /// <summary>The kata, task and file each kata's loop is timed on: a task that runs the kata's heaviest tests.</summary>
    private static readonly (string Kata, int Task, string File)[] Loops =
        [("01-linreg", 4, "GradientDescent.cs"), ("03-adversarial", 2, "SignAttack.cs"), ("05-dense", 4, "FromScratch.cs")];

    /// <summary>The command line of `bench loop`.</summary>
    public sealed class Settings : BenchSettings
    {
        [WholeNumber(1, 50)]
        [CommandOption("--repeat <N>")]
        [Description("saves of each kind per kata; the table shows their median (default 5)")]
        public int Repeat { get; init; } = 5;

        [WholeNumber(0, 20)]
        [CommandOption("--cold <N>")]
        [Description("timed runs of the cold path, dotnet test, per kata, after one to build (default 3; 0 skips it)")]
        public int Cold { get; init; } = 3;

        [CommandOption("--katas <LIST>")]
        [Description("the katas to time, comma-separated (default: 01,03,05)")]
        public string? KataList { get; init; }

        public override ValidationResult Validate() =>
            KataList is { } list && list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Any(kata => !Loops.Any(loop => loop.Kata.StartsWith(kata.PadLeft(2, '0')[..2], StringComparison.Ordinal)))
                ? ValidationResult.Error($"--katas: the loop is timed on {string.Join(", ", Loops.Select(loop => loop.Kata[..2]))}; got \"{list}\".")
                : ValidationResult.Success();
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        string conditions = BenchDocs.Conditions();
        string root = Path.Combine(KataRepository.Artifacts, "bench-loop");
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        var chosen = Loops.Where(loop => settings.KataList is null || settings.KataList.Split(',').Any(kata => loop.Kata.StartsWith(kata.Trim().PadLeft(2, '0')[..2], StringComparison.Ordinal))).ToList();
        var results = new List<LoopResult>();
        foreach ((string kata, int task, string file) in chosen)
        {
            LoopKata loop = LoopKata.Prepare(root, kata, task, file);
            console.MarkupLine($"[bold]{kata}[/], task {task} ({file}; the wrong version is mutant {loop.Mutant}): watch on a scratch copy, {settings.Repeat} save(s) of each kind");
            LoopResult result = Warm(loop, settings.Repeat);
            result.Cold.AddRange(Cold(loop, root, settings.Cold));
            results.Add(result);
        }

        List<double> help = Help(5);
        BenchReport[] reports = [.. LoopReports.Of(results, help, settings)];
        foreach (BenchReport report in reports)
        {
            report.Print(console);
        }

        BenchDocs.Write("learner-loop", "loop", BenchDocs.Lines(conditions, reports), settings, console);
        return 0;
    }

    private LoopResult Warm(LoopKata loop, int repeat)
    {
        var result = new LoopResult(loop);
        using var watch = new WatchSession(loop.Kata, Path.GetDirectoryName(loop.Folder)!);
        // The first board: the reference tests may need building first, and the worker starts.
        watch.WaitFor(Watching(), TimeSpan.FromMinutes(15));
        Regex row = TaskRow(loop.Task);
        Regex firstRow = FirstTaskRow(loop.Task);
        for (int i = 0; i < repeat; i++)
        {
            result.CompileError.Add(SaveAndTime(watch, loop, loop.NotCompiling, DoesNotBuild()).Seconds);
            Settle(watch, result);

            (double right, string rightRow, long saved) = SaveAndTime(watch, loop, loop.Right, firstRow);
            result.Right.Add(right);
            // A task with long tests shows a "so far" row first; its full row when its long tests have run (right after its quick
            // ones when its file changed, half of them in a second worker).
            result.RightComplete.Add(row.IsMatch(rightRow) ? right : Seconds(saved, watch.WaitFor(row, TimeSpan.FromMinutes(5)).At));
            (long counted, _) = watch.WaitFor(Count(), TimeSpan.FromMinutes(5));
            result.WholeKata.Add(Seconds(saved, counted));
            Settle(watch, result);

            result.Wrong.Add(SaveAndTime(watch, loop, loop.Wrong, firstRow).Seconds);
            Settle(watch, result);

            result.Crash.Add(SaveAndTime(watch, loop, loop.Crashing, CrashedRow(loop.Task)).Seconds);
            Settle(watch, result);

            result.WarmAgain.Add(SaveAndTime(watch, loop, loop.Right, firstRow).Seconds);
            Settle(watch, result);
            File.WriteAllText(Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(loop.Folder)!)!, loop.Kata + "-watch.log"), watch.Transcript);
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"  save {i + 1}: right {result.Right[^1]:0.00} s (complete row {result.RightComplete[^1]:0.00} s), not compiling {result.CompileError[^1]:0.00} s, wrong {result.Wrong[^1]:0.00} s, " +
                $"crash {result.Crash[^1]:0.00} s, right again {result.WarmAgain[^1]:0.00} s, whole kata {result.WholeKata[^1]:0.00} s"));
        }

        return result;
    }

    /// <summary>Saves <paramref name="text"/> and returns the seconds until a line matching <paramref name="line"/> is printed.</summary>
    private static (double Seconds, string Line, long Saved) SaveAndTime(WatchSession watch, LoopKata loop, string text, Regex line)
    {
        loop.Save(text);
        long saved = Stopwatch.GetTimestamp();
        (long at, string printed) = watch.WaitFor(line, TimeSpan.FromMinutes(5));
        return (Seconds(saved, at), printed, saved);
    }

    /// <summary>Waits for the board to end (the timings line, then "Watching"), keeping the timings.</summary>
    private static void Settle(WatchSession watch, LoopResult result)
    {
        (_, string timings) = watch.WaitFor(Timings(), TimeSpan.FromMinutes(5));
        result.Timings.Add(timings);
        watch.WaitFor(Watching(), TimeSpan.FromMinutes(5));
    }

    /// <summary>The cold path: `dotnet test` of the same task against the same copy, once to build and then timed.</summary>
    private IEnumerable<double> Cold(LoopKata loop, string root, int runs)
    {
        if (runs == 0)
        {
            yield break;
        }

        loop.Save(loop.Right);
        string project = Directory.GetFiles(Path.Combine(KataRepository.Root, "tests", loop.Kata), "*.csproj").Single();
        string[] arguments = ["test", project, "--nologo", "-v:q", $"-p:KataSource={Path.Combine(root, "katas")}", "--filter", $"TestCategory={KataCategories.Task(loop.Kata, loop.Task)}"];
        console.MarkupLine($"  cold path: dotnet test {Markup.Escape(Path.GetFileName(project))} --filter TestCategory={KataCategories.Task(loop.Kata, loop.Task)} (one run to build, then {runs} timed)");
        for (int i = 0; i <= runs; i++)
        {
            var clock = Stopwatch.StartNew();
            (int code, string output) = Dotnet.Run(arguments);
            if (code != 0)
            {
                throw new InvalidOperationException($"The cold path failed on the reference solution:\n{output}");
            }

            if (i > 0)
            {
                yield return clock.Elapsed.TotalSeconds;
            }
        }
    }

    /// <summary>`./kata --help` through the wrapper, the way a learner types it, with the tool built.</summary>
    private static List<double> Help(int runs)
    {
        string wrapper = Path.Combine(KataRepository.Root, "kata");
        var times = new List<double>();
        if (OperatingSystem.IsWindows() || !File.Exists(wrapper))
        {
            return times;
        }

        for (int i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            ExternalProgram.Run("bash", [wrapper, "--help"]);
            times.Add(clock.Elapsed.TotalSeconds);
        }

        return times;
    }

    private static double Seconds(long from, long to) => (double)(to - from) / Stopwatch.Frequency;

    [GeneratedRegex(@"^Watching ")]
    private static partial Regex Watching();

    [GeneratedRegex(@"does not build\.")]
    private static partial Regex DoesNotBuild();

    [GeneratedRegex(@": \d+/\d+ tests pass")]
    private static partial Regex Count();

    [GeneratedRegex(@"^timings after the save: ")]
    private static partial Regex Timings();

    /// <summary>A task's row on the board ("task 4   passed (11)", "task 4   failed 1 of 11"), not a wrapped line that starts with "task 4".</summary>
    private static Regex TaskRow(int task) => new($"^task {task} +(passed|failed) ");

    /// <summary>A task's first row: its full row, or its "so far" row when it has long tests ("task 2   so far passed (13); ...").</summary>
    private static Regex FirstTaskRow(int task) => new($"^task {task} +(passed|failed|so far) ");

    private static Regex CrashedRow(int task) => new($"^task {task} +(so far )?failed .*crashed");
}
