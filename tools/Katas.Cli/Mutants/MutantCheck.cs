using System.Collections.Concurrent;
using System.Diagnostics;
using Katas.Cli.Running;
using Katas.Kits;
using Katas.Runner.Outcomes;
using Katas.Runner.Protocol;
using Katas.Runner.Supervision;
using Spectre.Console;

namespace Katas.Cli.Mutants;

/// <summary>
/// Proves that a kata's tests catch each of its mutants (tests/NN-name/Mutants/*.mutant) with the test and message the
/// mutant names, and that this test is a specific one, not a figure snapshot. Cheap as katas grow: a mutant is a folder of
/// sources that a warm test worker compiles in memory beside the reference test build, the declared test runs first and the
/// rest only when it does not catch the mutant, and as many workers test mutants at once as there are cores.
/// </summary>
internal static class MutantCheck
{
    /// <summary>The file of mutant <paramref name="name"/> of <paramref name="kata"/>.</summary>
    public static string PathOf(string kata, string name) => Path.Combine(KataRepository.Root, "tests", kata, "Mutants", name + ".mutant");

    /// <summary>Checks every mutant of <paramref name="kata"/> (or only <paramref name="only"/>), printing a line per mutant.</summary>
    public static IReadOnlyList<MutantOutcome> Run(IAnsiConsole console, string kata, string? only, int parallel)
    {
        var clock = Stopwatch.StartNew();
        string folder = Path.Combine(KataRepository.Root, "tests", kata, "Mutants");
        string[] files = only is not null ? [PathOf(kata, only)]
            : Directory.Exists(folder) ? Directory.GetFiles(folder, "*.mutant").Order(StringComparer.Ordinal).ToArray() : [];
        if (only is null && files.Length < 4)
        {
            console.MarkupLine($"[red]{kata}: {files.Length} mutants; every kata needs at least 4[/] (tests/{kata}/Mutants/*.mutant)");
            return [new MutantOutcome(kata, "(too few mutants)", false, "")];
        }

        var outcomes = new ConcurrentBag<MutantOutcome>();
        var prepared = new ConcurrentQueue<(Mutant Mutant, string Root)>();
        foreach (string file in files)
        {
            string root = Path.Combine(KataRepository.Artifacts, "mutants", kata, Path.GetFileNameWithoutExtension(file));
            try
            {
                Mutant mutant = Mutant.Load(file);
                mutant.Apply(Path.Combine(KataRepository.Root, "solutions", kata), Path.Combine(root, kata));
                prepared.Enqueue((mutant, root));
            }
            catch (FormatException e)
            {
                outcomes.Add(Report(console, kata, Path.GetFileNameWithoutExtension(file), false, $"[red]{kata}/{Markup.Escape(Path.GetFileName(file))}: {Markup.Escape(e.Message)}[/]"));
            }
        }

        WorkerStart? start = KataWorkers.Prepare(console, kata);
        if (start is null)
        {
            return [.. outcomes, new MutantOutcome(kata, "(the tests do not build)", false, "")];
        }

        int workers = Math.Clamp(parallel, 1, Math.Max(1, prepared.Count));
        console.MarkupLine($"{kata}: {prepared.Count} mutants, {workers} test workers");
        var threads = Enumerable.Range(0, workers).Select(_ => new Thread(() =>
        {
            // With one runner per core, a second worker per runner for the long tests would only crowd the cores.
            using var runner = new WarmRunner(start, keepStandby: false) { LongTestsInParallel = workers == 1 };
            while (prepared.TryDequeue(out (Mutant Mutant, string Root) next))
            {
                outcomes.Add(Test(console, kata, next.Mutant, next.Root, runner));
            }
        })).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());
        console.MarkupLine($"{kata}: mutants tested in {clock.Elapsed.TotalSeconds:0} s");
        return [.. outcomes.OrderBy(outcome => outcome.Name, StringComparer.Ordinal)];
    }

    private static MutantOutcome Report(IAnsiConsole console, string kata, string name, bool caught, string line, TestOutcome? by = null)
    {
        console.MarkupLine(line);
        return new MutantOutcome(kata, name, caught, line, by?.Name ?? "", by is null ? "" : FirstLine(by.Message));
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    private static MutantOutcome Test(IAnsiConsole console, string kata, Mutant mutant, string root, WarmRunner runner)
    {
        var clock = Stopwatch.StartNew();
        string label = $"{kata} mutant [bold]{Markup.Escape(mutant.Name)}[/]";
        // The tests call the implementation under test by its folder: its figures and snapshots go to artifacts/, never tests/.
        var request = new RunRequest(Path.Combine(root, kata), root, [], []);

        // The declared test first: when it catches the mutant, the other tests don't need to run.
        KataRunResult declared = runner.Run(request with { OnlyTests = [mutant.CaughtBy] }, new QuietObserver());
        if (!declared.Built)
        {
            string errors = string.Join('\n', declared.Diagnostics.Where(message => message.IsError).Take(10));
            return Report(console, kata, mutant.Name, false, $"[red]{label} does not build[/]: a mutant must be a program a learner could run.\n{Markup.Escape(errors)}");
        }

        if (CaughtAsDeclared(mutant, declared) is { } named)
        {
            return Caught(console, kata, mutant, label, named, clock);
        }

        KataRunResult all = runner.Run(request, new QuietObserver());
        if (CaughtAsDeclared(mutant, all) is { } found)
        {
            return Caught(console, kata, mutant, label, found, clock);
        }

        List<TestOutcome> failures = all.Outcomes.Where(outcome => !outcome.Passed).ToList();
        TestOutcome? sameName = failures.FirstOrDefault(outcome => outcome.Name.StartsWith(mutant.CaughtBy, StringComparison.Ordinal));
        return Report(console, kata, mutant.Name, false, failures.Count == 0
            ? $"[red]NOT CAUGHT[/] {label}: every test passes. {Markup.Escape(mutant.Description)}"
            : $"[red]caught, but not as declared[/] {label}: expected {Markup.Escape(mutant.CaughtBy)} to fail" +
              (mutant.Message is null ? "" : $" saying \"{Markup.Escape(mutant.Message)}\"") +
              $"; failing: {Markup.Escape(string.Join(", ", failures.Select(f => f.Name)))}" +
              (sameName is null ? "" : $"\n  its message: {Markup.Escape(sameName.Message)}"));
    }

    /// <summary>A catch counts only by a specific test: a figure snapshot shows that something differs, never why.</summary>
    private static MutantOutcome Caught(IAnsiConsole console, string kata, Mutant mutant, string label, TestOutcome by, Stopwatch clock) =>
        by.Failure == FailureKind.FigureSnapshot
            ? Report(console, kata, mutant.Name, false, $"[red]caught only by a figure snapshot[/] {label} ({Markup.Escape(by.Name)}): " +
                                               "name a specific test that says why, and add one if there is none.")
            : Report(console, kata, mutant.Name, true, $"[green]caught[/] {label} by {Markup.Escape(by.Name)} ({clock.Elapsed.TotalSeconds:0.0} s): " +
                                              $"{Markup.Escape(mutant.Description)}\n  it says: {Markup.Escape(FirstLine(by.Message))}", by);

    /// <summary>The declared test's failure, when it failed with the declared message.</summary>
    private static TestOutcome? CaughtAsDeclared(Mutant mutant, KataRunResult result) =>
        result.Outcomes.FirstOrDefault(outcome => !outcome.Passed
            && outcome.Name.StartsWith(mutant.CaughtBy, StringComparison.Ordinal)
            && (mutant.Message is null || outcome.Message.Contains(mutant.Message, StringComparison.Ordinal)));
}
