using System.Globalization;
using Katas.Conventions;
using Katas.Figures;
using Katas.Kits;
using Katas.Runner.Outcomes;
using Katas.Runner.Protocol;
using Katas.Runner.Supervision;
using Spectre.Console;

namespace Katas.Cli.Running;

/// <summary>
/// The learner's board, printed while the tests run: a task's row as soon as its last test ends (the task of the saved
/// file runs first), each with its most telling failure and how many different causes its failures have; then the
/// count, the compiler's warnings and where the figures went. A task with long tests ([LongTest], run after its quick
/// tests) gets a "so far" row when its quick tests have ended and its full row when the long ones have; so does a task
/// one of whose tests crashed the test process, at once, since its other tests then run after every other task. A run
/// stopped with Ctrl+C shows no more rows: it says how far it got.
/// </summary>
internal sealed class LiveBoard(IAnsiConsole console, string kata, string figureFolder, bool animate = false, string? artifacts = null) : IRunObserver
{
    private readonly Dictionary<int, int> _expected = [];
    private readonly Dictionary<int, List<TestOutcome>> _done = [];
    private readonly HashSet<int> _shown = [];
    private readonly Dictionary<int, List<TestCase>> _long = [];
    private readonly Dictionary<int, string> _shownSoFar = [];
    private readonly List<CompilerMessage> _warnings = [];
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private int _finished;
    private int _passed;
    private bool _counted;
    private bool _stopped;

    /// <summary>Where the time goes, when the board says so (`watch --timings`).</summary>
    public BoardTimings? Timings { get; init; }

    /// <summary>Told which test runs now and how many are done, for a status line.</summary>
    public Action<string>? Status { get; set; }

    public void Compiled(bool succeeded, IReadOnlyList<CompilerMessage> diagnostics, double seconds)
    {
        _warnings.AddRange(diagnostics.Where(message => !message.IsError));
        Timings?.Compiled(seconds);
        if (succeeded)
        {
            return;
        }

        console.MarkupLine($"[red]{kata} does not build.[/] The compiler said:");
        foreach (CompilerMessage error in diagnostics.Where(message => message.IsError).Take(10))
        {
            console.WriteLine("  " + error);
        }
    }

    public void Discovered(IReadOnlyList<TestCase> tests)
    {
        Timings?.Discovered();
        foreach (IGrouping<int, TestCase> task in tests.GroupBy(test => test.Task))
        {
            _expected[task.Key] = task.Count();
            if (task.Any(test => test.IsLong))
            {
                _long[task.Key] = task.Where(test => test.IsLong).ToList();
            }
        }
    }

    public void Started(TestCase test) =>
        Status?.Invoke($"{kata}: {_finished} tests done, running {BoardText.Short(test.FullName)}");

    public void Finished(TestOutcome outcome)
    {
        if (_stopped)
        {
            return; // a test the stopped run did not reach: not a failure, and no row
        }

        _finished++;
        if (!_done.TryGetValue(outcome.Task, out List<TestOutcome>? outcomes))
        {
            _done[outcome.Task] = outcomes = [];
        }

        outcomes.Add(outcome);
        _passed += outcome.Passed ? 1 : 0;
        int expected = _expected.GetValueOrDefault(outcome.Task, int.MaxValue);
        if (outcomes.Count >= expected)
        {
            ShowTask(outcome.Task);
        }
        else if (outcome.Crashed && _expected.ContainsKey(outcome.Task) && outcomes.Count(done => done.Crashed) == 1)
        {
            // A crash sends the rest of its task after every other task (a fresh process runs them): the learner reads the
            // task's first crash now, not once the other tasks have run.
            ShowSoFar(outcome.Task, $"the other {expected - outcomes.Count} test(s) of this task run after the other tasks");
        }
        else if (_long.TryGetValue(outcome.Task, out List<TestCase>? longTests) && outcomes.Count == expected - longTests.Count
                 && !outcomes.Any(done => longTests.Any(test => test.FullName == done.FullName)))
        {
            string why = string.Join("; ", longTests.Select(test => test.LongBecause).Distinct());
            ShowSoFar(outcome.Task, $"{longTests.Count} long test(s) still to run ({why})");
        }

        if (_finished == _expected.Values.Sum())
        {
            // Every test has reported: the count now, before the animations a check makes after the tests.
            ShowCount(_passed, _finished);
            if (animate)
            {
                Status?.Invoke($"{kata}: making your animations (GIF)...");
            }
        }
    }

    public void Stopped() => _stopped = true;

    public void Replaced(string reason) => console.MarkupLine($"[yellow]{Markup.Escape(kata)}: {Markup.Escape(reason)}.[/]");

    /// <summary>Shows what is left of the board once the run is over; true when every test passed.</summary>
    public bool Finish(KataRunResult result)
    {
        if (result.Stopped)
        {
            console.MarkupLine($"[yellow]{Markup.Escape(kata)}: stopped[/] after {_finished} of {result.Outcomes.Count} tests ({_passed} passed); the others did not run.");
            return false;
        }

        if (!result.Built)
        {
            if (Timings is not null)
            {
                console.WriteLine(Timings.Line());
            }

            return false;
        }

        foreach (int task in _done.Keys.Order())
        {
            ShowTask(task);
        }

        if (result.Problem.Length > 0)
        {
            console.MarkupLine($"[red]{Markup.Escape(result.Problem)}[/]");
        }

        ShowCount(result.Passed, result.Outcomes.Count);
        if (Timings is not null)
        {
            console.WriteLine(Timings.Line());
        }

        if (_warnings.Count > 0)
        {
            console.MarkupLine($"[yellow]Your code builds, with {_warnings.Count} compiler warning(s):[/]");
            foreach (CompilerMessage warning in _warnings.Take(5))
            {
                console.WriteLine("  " + warning);
            }
        }

        string figures = Path.Combine(artifacts ?? KataRepository.Artifacts, kata, figureFolder);
        if (Directory.Exists(figures) && Directory.EnumerateFiles(figures).Any())
        {
            console.MarkupLine($"Your figures: [bold]{Markup.Escape(KataRepository.Relative(figures))}/[/] " +
                                   $"(the reference ones: {Markup.Escape(KataRepository.Relative(ArtifactFolders.For(KataRepository.Root, kata, "solutions")))}/, made by `./kata demo`)");
        }

        return result.Failed == 0 && result.Outcomes.Count > 0;
    }

    private void ShowCount(int passed, int count)
    {
        if (_counted)
        {
            return;
        }

        _counted = true;
        Timings?.CountShown();
        console.MarkupLine($"[bold]{kata}: {passed}/{count} tests pass[/] ({_clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s)");
    }

    private void ShowTask(int task)
    {
        if (!_shown.Add(task))
        {
            return;
        }

        List<TestOutcome> outcomes = _done[task];
        TestOutcome? shown = FailureKinds.MostTelling(outcomes);
        console.MarkupLine($"{Label(task),-8} {RowStatus(outcomes, shown)}");
        Timings?.RowShown(task);
        // The failure the "so far" row showed is not shown twice: the full row names it, so the row reads on its own.
        if (shown is not null && _shownSoFar.GetValueOrDefault(task) != shown.FullName)
        {
            ShowFailure(shown);
        }
        else if (shown is not null)
        {
            console.Write(new Padder(new Text($"{BoardText.Readable(shown.Name)}: as shown above."), new Padding(9, 0, 0, 0)));
        }

        if (shown is not null)
        {
            ShowOtherCauses(FailureKinds.OtherCauses(outcomes, shown));
        }
    }

    /// <summary>
    /// Names the tests that fail for other causes than the one shown: the shown failure may be a consequence (a race
    /// that no optimizer wins) of a cause another test names exactly (when a run counts as arrived). Stubs still to
    /// write are named by their methods, and differing figures apart (a figure says that the plot differs, not why).
    /// </summary>
    private void ShowOtherCauses(IReadOnlyList<TestOutcome> others)
    {
        List<string> TestNames(Func<TestOutcome, bool> which) => [.. others.Where(which).Select(other => BoardText.WithoutArguments(other.Name)).Distinct()];
        // Three failing tests are enough to point at the other causes; the methods left to write are the task's to-do list.
        ShowNames("Also failing, for other causes: ",
            TestNames(other => other.Failure != FailureKind.FigureSnapshot && FailureKinds.UnwrittenMethod(other) is null), "; ", named: 3);
        ShowNames("Also not implemented yet: ", [.. others.Select(FailureKinds.UnwrittenMethod).OfType<string>().Distinct(StringComparer.Ordinal)], ", ", named: 8);
        ShowNames("Also a figure differs from the reference: ", TestNames(other => other.Failure == FailureKind.FigureSnapshot), "; ", named: 3);
    }

    private void ShowNames(string lead, List<string> names, string separator, int named)
    {
        if (names.Count == 0)
        {
            return;
        }

        string more = names.Count > named ? $" and {names.Count - named} more" : "";
        console.Write(new Padder(new Text($"{lead}{string.Join(separator, names.Take(named))}{more}."), new Padding(9, 0, 0, 0)));
    }

    /// <summary>
    /// The row of a task whose tests have not all run: its quick tests have ended and its long tests are still to run,
    /// or one of its tests crashed the test process and the others run last. <paramref name="left"/> says which.
    /// </summary>
    private void ShowSoFar(int task, string left)
    {
        List<TestOutcome> outcomes = _done[task];
        TestOutcome? shown = FailureKinds.MostTelling(outcomes);
        console.MarkupLine($"{Label(task),-8} so far {RowStatus(outcomes, shown)}; {Markup.Escape(left)}");
        Timings?.RowShown(task);
        if (shown is not null && _shownSoFar.GetValueOrDefault(task) != shown.FullName)
        {
            _shownSoFar[task] = shown.FullName;
            ShowFailure(shown);
        }
    }

    /// <summary>"passed (n)", or "failed k of n" with whether a test crashed, how many did not run and how many causes.</summary>
    private static string RowStatus(List<TestOutcome> outcomes, TestOutcome? shown)
    {
        if (shown is null)
        {
            return $"[green]passed ({outcomes.Count})[/]";
        }

        // A test that did not run did not fail: "failed 4 of 8 crashed, 4 not run" adds up, "failed 8 of 8 ..., 4 not run" did not.
        int notRun = outcomes.Count(outcome => outcome.Kind == OutcomeKind.NotRun);
        int failed = outcomes.Count(outcome => !outcome.Passed) - notRun;
        int causes = FailureKinds.DistinctCauses(outcomes);
        string head = failed > 0
            ? $"[red]failed {failed} of {outcomes.Count}[/]" + (outcomes.Any(outcome => outcome.Crashed) ? " [red]crashed[/]" : "") + (notRun > 0 ? $", {notRun} not run" : "")
            : $"[red]{notRun} of {outcomes.Count} not run[/]";
        // Stubs not written yet are work left, not bugs: "4 methods not implemented yet" rather than "4 different causes".
        if (FailureKinds.OnlyUnwritten(outcomes) is { Count: > 1 } unwritten)
        {
            return head + $", {unwritten.Count} methods not implemented yet";
        }

        return head + (causes > 1 ? $", {causes} different causes" : "");
    }

    private static string Label(int task) => task == 0 ? "other " : $"task {task}";

    private void ShowFailure(TestOutcome shown) =>
        console.Write(new Padder(new Text($"{BoardText.Readable(shown.Name)}:\n{BoardText.Shorten(BoardText.WithoutTestInternals(BoardText.WithoutRepeat(shown.Message)))}"), new Padding(9, 0, 0, 0)));
}
