using Katas.Runner.Outcomes;
using Katas.Runner.Protocol;

namespace Katas.Runner.Supervision;

/// <summary>
/// Runs one kata's tests in a warm worker process and keeps the run going whatever learner code does: a worker that
/// crashes (a native abort, a stack overflow, Environment.Exit) turns the test it was running into a crashed outcome,
/// a worker whose learner call ran past its time limit is retired, and in both cases a fresh worker (the standby, when
/// one is kept) runs the tests that have not run yet. A run with two or more long tests gives half of them to a second
/// worker (<see cref="LongTestLane"/>). The supervisor itself never runs learner code.
/// </summary>
public sealed class WarmRunner : IDisposable
{
    /// <summary>How many workers one run may lose before the rest of its tests are marked not run.</summary>
    public const int MaxCrashes = 12;

    /// <summary>
    /// How many of a task's tests may crash before its other tests are marked not run: one bug in a method most tests
    /// call would otherwise crash them one after the other, each costing a worker, and tell nothing new.
    /// </summary>
    public const int MaxCrashesPerTask = 2;

    /// <summary>
    /// How many runs a worker serves before a fresh one takes over. Each run loads the learner's kata and the tests into a
    /// collectible context, but NUnit and the JIT keep a little of every run (measured: about 1.5 MB of resident memory per
    /// run of kata 01), so a long watch session recycles its workers instead of growing without end.
    /// </summary>
    public const int RunsPerWorker = 40;

    private readonly WorkerStart _start;
    private readonly bool _keepStandby;
    private WorkerProcess? _current;
    private WorkerProcess? _standby;

    /// <summary>Starts a worker for <paramref name="start"/>'s kata right away, so it is warm when the first run comes.</summary>
    /// <param name="start">What the workers are started with.</param>
    /// <param name="keepStandby">Keep a second worker warm between runs, so a crash costs no start-up (watch does; one-off checks don't).</param>
    public WarmRunner(WorkerStart start, bool keepStandby)
    {
        _start = start;
        _keepStandby = keepStandby;
        _current = WorkerProcess.Start(start);
    }

    /// <summary>How long a worker may take to start (load TorchSharp, NUnit and the compiler).</summary>
    public TimeSpan StartLimit { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long a worker may stay silent during a run before it is taken for hung: well above any test's own time limit
    /// on learner calls (20 s by default), which ends a stuck call long before this.
    /// </summary>
    public TimeSpan SilenceLimit { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Which worker process runs now (for tests of the supervisor).</summary>
    public int? CurrentProcessId => _current?.Id;

    /// <summary>
    /// Whether a run with two or more long tests ([LongTest]) runs half of them in a second worker beside the main one
    /// (on by default: on two cores they then overlap the quick tests and each other instead of queueing behind them).
    /// </summary>
    public bool LongTestsInParallel { get; init; } = true;

    /// <summary>Compiles and tests the kata as <paramref name="request"/> says, telling <paramref name="observer"/> as it goes.</summary>
    public KataRunResult Run(RunRequest request, IRunObserver observer, CancellationToken cancel = default)
    {
        var record = new RunRecord(_start.Kata, observer);
        var trouble = new RunTrouble();
        bool share = LongTestsInParallel && !request.DiscoverOnly;
        bool shared = false;
        LongTestLane? lane = null;
        void OnDiscovered(IReadOnlyList<TestCase> tests)
        {
            if (!share || shared || !LongTestLane.HasWork(tests))
            {
                return;
            }

            shared = true;
            if ((Take(ref _standby) ?? TryStart()) is { } helper)
            {
                lane = LongTestLane.Start(helper, request, record, StartLimit, (worker, laneRecord, laneTrouble, stop) => Follow(worker, laneRecord, laneTrouble, stop, null) == Ending.Done, cancel);
            }
        }

        bool goOn = false;
        try
        {
            goOn = RunInWorkers(request with { LongShare = share ? LongTestLane.MainShare : null }, record, trouble, OnDiscovered, cancel);
        }
        finally
        {
            if (lane is not null)
            {
                if (!goOn)
                {
                    lane.Stop();
                }

                KeepOrDispose(lane.Join());
                trouble.Absorb(lane.Trouble);
            }
        }

        if (shared && goOn && !record.AllDone)
        {
            HandBack(request, record, trouble, cancel);
        }

        if (_keepStandby && _standby is null && !cancel.IsCancellationRequested)
        {
            _standby = WorkerProcess.Start(_start);
        }

        return record.Result();
    }

    /// <summary>The long tests the lane left undone (it crashed, hung, did not start, or the run was stopped) run in the main worker now.</summary>
    private void HandBack(RunRequest request, RunRecord record, RunTrouble trouble, CancellationToken cancel)
    {
        if (cancel.IsCancellationRequested)
        {
            record.Stop();
            return;
        }

        foreach ((int task, string why) in trouble.TasksToStop(record))
        {
            record.RestNotRun(why, task);
        }

        if (!record.AllDone)
        {
            RunInWorkers(request, record, trouble, null, cancel);
        }
    }

    /// <summary>The lane's worker, when it ended well, becomes the standby if one is kept and it has runs left; else it goes.</summary>
    private void KeepOrDispose(WorkerProcess? spare)
    {
        if (spare is not null && spare.RunsServed < RunsPerWorker && _keepStandby && _standby is null)
        {
            _standby = spare;
        }
        else
        {
            spare?.Dispose();
        }
    }

    /// <summary>
    /// Runs <paramref name="request"/>'s tests that have no outcome yet in the current worker and, after a crash or a hang,
    /// in fresh ones; false when the run stopped early (cancelled, too many crashes, no worker), so nothing more runs.
    /// </summary>
    private bool RunInWorkers(RunRequest request, RunRecord record, RunTrouble trouble, Action<IReadOnlyList<TestCase>>? onDiscovered, CancellationToken cancel)
    {
        WorkerProcess? worker = TakeWorker(record);
        while (worker is not null)
        {
            // After a crash or a hang, the tasks they happened in go last, so every task shows what it can first.
            IReadOnlyList<int> order = trouble.Tasks.Count == 0
                ? request.TaskOrder
                : [.. request.TaskOrder.Concat(record.Tasks).Distinct().Where(task => !trouble.Tasks.Contains(task)), .. trouble.Tasks];
            worker.Send(request with { TaskOrder = order, Skip = [.. request.Skip, .. record.Done], KnownHangs = [.. trouble.Hangs] });
            Ending ending = Follow(worker, record, trouble, cancel, onDiscovered);
            if (ending == Ending.Done)
            {
                if (worker.RunsServed < RunsPerWorker)
                {
                    _current = worker;
                }
                else
                {
                    worker.Dispose();
                }

                return true;
            }

            worker.Dispose();
            if (ending == Ending.Cancelled)
            {
                record.Stop();
                return false;
            }

            if (ending == Ending.CrashedOutsideATest)
            {
                return false;
            }

            if (trouble.Crashes >= MaxCrashes)
            {
                record.RestNotRun($"Not run: the test process crashed {trouble.Crashes} times in this run (see the crashed tests). Fix those crashes first; then the other tests run again.");
                return false;
            }

            if (record.CrashCauses.GroupBy(cause => cause).FirstOrDefault(same => same.Count() >= MaxCrashesPerTask) is { } repeated)
            {
                // The same crash again: one bug that most tests reach. Each further crash would cost a worker and say nothing new.
                record.RestNotRun($"Not run: the test process crashed {repeated.Count()} times the same way (see the crashed tests). Fix that crash first; then the other tests run again.");
                return false;
            }

            foreach ((int task, string why) in trouble.TasksToStop(record))
            {
                record.RestNotRun(why, task);
            }

            if (record.AllDone)
            {
                return true;
            }

            record.Replaced(ending == Ending.Hung
                ? "a call into your code ran past its time limit, so a fresh test process runs the other tasks"
                : "the test process crashed, so a fresh one runs the rest");
            worker = TakeWorker(record);
            // One crash is often followed by more (one bug, many tests): have the next worker warming while this one runs.
            _standby ??= worker is null ? null : WorkerProcess.Start(_start);
        }

        return false;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _current?.Dispose();
        _standby?.Dispose();
        _current = null;
        _standby = null;
    }

    private enum Ending
    {
        Done,
        Hung,
        Crashed,
        CrashedOutsideATest,
        Cancelled,
    }

    /// <summary>A ready worker: the current one if it is still fine, else the standby, else a new one; null when none starts.</summary>
    private WorkerProcess? TakeWorker(RunRecord record)
    {
        foreach (Func<WorkerProcess?> candidate in new Func<WorkerProcess?>[] { () => Take(ref _current), () => Take(ref _standby), () => WorkerProcess.Start(_start) })
        {
            WorkerProcess? worker = candidate();
            if (worker is null)
            {
                continue;
            }

            if (!worker.HasExited && worker.WaitReady(StartLimit))
            {
                return worker;
            }

            string why = worker.ErrorTail();
            worker.Dispose();
            record.Problem = "The katas' test worker did not start" + (why.Length == 0 ? "." : ":\n" + why);
        }

        record.RestNotRun("Not run: " + record.Problem);
        return null;
    }

    private WorkerProcess? TryStart()
    {
        try
        {
            return WorkerProcess.Start(_start);
        }
        catch (InvalidOperationException)
        {
            return null; // the main worker runs the lane's tests
        }
    }

    private static WorkerProcess? Take(ref WorkerProcess? slot)
    {
        WorkerProcess? taken = slot;
        slot = null;
        return taken;
    }

    /// <summary>Reads <paramref name="worker"/>'s events into <paramref name="record"/> until the run ends one way or another.</summary>
    private Ending Follow(WorkerProcess worker, RunRecord record, RunTrouble trouble, CancellationToken cancel, Action<IReadOnlyList<TestCase>>? onDiscovered)
    {
        DateTime lastHeard = DateTime.UtcNow;
        while (true)
        {
            if (cancel.IsCancellationRequested)
            {
                return Ending.Cancelled;
            }

            WorkerEvent? next = worker.Next(TimeSpan.FromMilliseconds(250));
            if (next is null)
            {
                if (worker.OutputEnded)
                {
                    if (cancel.IsCancellationRequested)
                    {
                        // Stopped while the worker went down too (a SIGTERM or hang-up sent to the whole process group; workers
                        // ignore Ctrl+C's SIGINT): a stop, not a crash of learner code.
                        return Ending.Cancelled;
                    }

                    Ending died = Died(worker, record);
                    trouble.Crashed();
                    return died;
                }

                if (DateTime.UtcNow - lastHeard > SilenceLimit)
                {
                    record.Crashed(record.Running ?? "(loading the tests)",
                        $"The test process gave no sign of life for {SilenceLimit.TotalSeconds:0} seconds while this test ran, and was stopped. " +
                        "A call into your code that never ends is normally stopped after its time limit; this one was not (a native call that never returns?).");
                    trouble.Crashed();
                    return Ending.Crashed;
                }

                continue;
            }

            lastHeard = DateTime.UtcNow;
            switch (next.Kind)
            {
                case WorkerEventKind.Compiled:
                    record.Compiled(next);
                    break;
                case WorkerEventKind.Discovered:
                    record.Discovered(next.Tests ?? []);
                    onDiscovered?.Invoke(next.Tests ?? []);
                    break;
                case WorkerEventKind.Started:
                    record.Started(next.Test!);
                    break;
                case WorkerEventKind.Finished:
                    TestOutcome outcome = record.Finished(next.Outcome!, worker.Id);
                    if (outcome.Failure == FailureKind.TimeLimit)
                    {
                        // The rest of this task most likely calls the same loop: a fresh worker runs the other tasks first.
                        trouble.Hung(outcome, next.Outcome!.StoppedAt);
                        return Ending.Hung;
                    }

                    break;
                case WorkerEventKind.Exiting:
                    record.ExitAnnounced(next.Test ?? record.Running ?? "");
                    break;
                case WorkerEventKind.Poisoned:
                    return Ending.Hung;
                case WorkerEventKind.Done:
                    if (next.Reason is { Length: > 0 } problem)
                    {
                        record.Problem = problem;
                        record.RestNotRun("Not run: " + problem);
                    }

                    return Ending.Done;
            }
        }
    }

    /// <summary>The worker's output ended mid-run: the test it was running crashed, and says why.</summary>
    private static Ending Died(WorkerProcess worker, RunRecord record)
    {
        worker.WaitForExit(TimeSpan.FromSeconds(5));
        bool exited = record.Exiting is not null;
        string cause = CrashCause.Explain(worker.ErrorTail(), exited, worker.ExitCode);
        string? test = record.Exiting is { Length: > 0 } announced ? announced : record.Running;
        if (test is null)
        {
            // Not inside a test: while compiling, loading or discovering the tests (e.g. a test case source calling learner code).
            record.Problem = "The test process crashed before a test started (while loading the tests). " + cause;
            record.RestNotRun("Not run: " + record.Problem);
            return Ending.CrashedOutsideATest;
        }

        record.Crashed(test, cause);
        return Ending.Crashed;
    }
}
