using System.Diagnostics;
using Katas.Runner.Outcomes;
using Katas.Runner.Protocol;

namespace Katas.Runner.Supervision;

/// <summary>
/// What one run has seen so far, over however many workers it took: the compile report, every test discovered, the
/// outcomes in the order they came, and the test running now. It turns a dead worker into a crashed test and the tests
/// that never ran into not-run outcomes, so every task keeps its true counts. A long-test lane adds its outcomes from its
/// own thread (<see cref="Adopt"/>), so the outcomes are kept under a lock and the observer is told one thing at a time.
/// </summary>
internal sealed class RunRecord(string kata, IRunObserver observer)
{
    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Dictionary<string, TestCase> _tests = new(StringComparer.Ordinal);
    private readonly List<TestCase> _discovered = [];
    private readonly Dictionary<string, TestOutcome> _outcomes = new(StringComparer.Ordinal);
    private readonly List<TestOutcome> _inOrder = [];
    private bool _compiled;
    private bool _stopped;

    public bool Built { get; private set; }

    /// <summary>The kata this run tests.</summary>
    public string Kata => kata;

    public IReadOnlyList<CompilerMessage> Diagnostics { get; private set; } = [];

    /// <summary>The test running now (started, not finished), or null.</summary>
    public string? Running { get; private set; }

    /// <summary>The test that announced learner code ending the process, or null.</summary>
    public string? Exiting { get; private set; }

    /// <summary>The kata's tasks, in order, once discovered.</summary>
    public IReadOnlyList<int> Tasks => [.. _discovered.Select(test => test.Task).Distinct().Order()];

    /// <summary>Whether every discovered test has its outcome.</summary>
    public bool AllDone
    {
        get
        {
            lock (_gate)
            {
                return _discovered.Count > 0 && _discovered.All(test => _outcomes.ContainsKey(test.FullName));
            }
        }
    }

    /// <summary>The messages of the crashed tests so far, in order.</summary>
    public IReadOnlyList<string> CrashCauses
    {
        get
        {
            lock (_gate)
            {
                return [.. _inOrder.Where(outcome => outcome.Kind == OutcomeKind.Crashed).Select(outcome => outcome.Message)];
            }
        }
    }

    /// <summary>How many tests of <paramref name="task"/> crashed their process.</summary>
    public int CrashesIn(int task)
    {
        lock (_gate)
        {
            return _inOrder.Count(outcome => outcome.Task == task && outcome.Kind == OutcomeKind.Crashed);
        }
    }

    /// <summary>Tests with an outcome: a fresh worker skips them.</summary>
    public IReadOnlyList<string> Done
    {
        get
        {
            lock (_gate)
            {
                return [.. _outcomes.Keys];
            }
        }
    }

    public string Problem { get; set; } = "";

    public void Compiled(WorkerEvent compiled)
    {
        if (_compiled)
        {
            return; // a replacement worker compiled the same files again
        }

        _compiled = true;
        Built = compiled.Succeeded;
        Diagnostics = compiled.Diagnostics ?? [];
        observer.Compiled(Built, Diagnostics, compiled.Seconds);
    }

    public void Discovered(IReadOnlyList<TestCase> tests)
    {
        if (_discovered.Count > 0)
        {
            return;
        }

        _discovered.AddRange(tests);
        foreach (TestCase test in tests)
        {
            _tests[test.FullName] = test;
        }

        observer.Discovered(tests);
    }

    public void Started(string test)
    {
        Running = test;
        Exiting = null;
        lock (_gate)
        {
            observer.Started(Case(test));
        }
    }

    /// <summary>The run goes on in a fresh worker, for <paramref name="reason"/>.</summary>
    public void Replaced(string reason)
    {
        lock (_gate)
        {
            observer.Replaced(reason);
        }
    }

    /// <summary>A test started in the long-test lane's worker (this record's own running test stays as it is).</summary>
    public void StartedElsewhere(TestCase test)
    {
        lock (_gate)
        {
            observer.Started(test);
        }
    }

    /// <summary>
    /// An outcome from the long-test lane's worker, recorded and shown as if this run's worker had it; one for a test this
    /// run did not discover (the lane's worker died while loading, say) is not a test's outcome and is left out.
    /// </summary>
    public void Adopt(TestOutcome outcome)
    {
        if (_tests.ContainsKey(outcome.FullName))
        {
            Record(outcome);
        }
    }

    public TestOutcome Finished(TestResult result, int workerProcessId)
    {
        if (Running == result.FullName)
        {
            Running = null;
        }

        TestCase test = Case(result.FullName);
        TestOutcome outcome = TestOutcome.Of(test, result.Passed ? OutcomeKind.Passed : OutcomeKind.Failed, result.Message) with
        {
            Seconds = result.Seconds,
            StackTrace = result.StackTrace,
            WorkerProcessId = workerProcessId,
        };
        Record(outcome);
        return outcome;
    }

    public void ExitAnnounced(string test) => Exiting = test;

    /// <summary>The running test took its process down: it becomes a crashed outcome with <paramref name="cause"/>.</summary>
    public void Crashed(string test, string cause)
    {
        Running = null;
        TestCase crashed = Case(test);
        Record(TestOutcome.Of(crashed, OutcomeKind.Crashed, cause));
    }

    /// <summary>Every discovered test without an outcome (of <paramref name="task"/> only, when given) is marked not run, with <paramref name="why"/>.</summary>
    public void RestNotRun(string why, int? task = null)
    {
        lock (_gate)
        {
            foreach (TestCase test in _discovered.Where(test => !_outcomes.ContainsKey(test.FullName) && (task is null || test.Task == task)).ToList())
            {
                Record(TestOutcome.Of(test, OutcomeKind.NotRun, why));
            }
        }
    }

    /// <summary>The run was stopped (Ctrl+C): the observer hears it first, then every test without an outcome is marked not run.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            observer.Stopped();
            // Under the same lock: an outcome the long-test lane brings in after the stop is not recorded (see Record).
            RestNotRun("Not run: the run was stopped.");
        }
    }

    public KataRunResult Result()
    {
        // Tasks in order; within a task, the order the tests ran.
        using Lock.Scope held = _gate.EnterScope();
        List<TestOutcome> ordered = _inOrder.Select((outcome, index) => (outcome, index))
            .OrderBy(pair => pair.outcome.Task).ThenBy(pair => pair.index).Select(pair => pair.outcome).ToList();
        return new KataRunResult(kata, Built, Diagnostics, ordered, _clock.Elapsed) { Problem = Problem, Discovered = [.. _discovered], Stopped = _stopped };
    }

    private void Record(TestOutcome outcome)
    {
        lock (_gate)
        {
            // After a stop, only the not-run outcomes of the stop itself: a test another worker ended meanwhile was not waited for.
            if ((_stopped && outcome.Kind != OutcomeKind.NotRun) || !_outcomes.TryAdd(outcome.FullName, outcome))
            {
                return;
            }

            _inOrder.Add(outcome);
            observer.Finished(outcome);
        }
    }

    private TestCase Case(string fullName) =>
        _tests.TryGetValue(fullName, out TestCase? test) ? test : new TestCase(fullName, ClassOf(fullName), NameOf(fullName), 0);

    private static string ClassOf(string fullName)
    {
        string head = fullName.Split('(')[0];
        int dot = head.LastIndexOf('.');
        return dot < 0 ? "" : head[..dot];
    }

    private static string NameOf(string fullName)
    {
        string className = ClassOf(fullName);
        return className.Length == 0 ? fullName : fullName[(className.Length + 1)..];
    }
}
