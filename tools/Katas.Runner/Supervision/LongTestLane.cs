using Katas.Runner.Outcomes;
using Katas.Runner.Protocol;

namespace Katas.Runner.Supervision;

/// <summary>
/// A second worker that runs half of a run's long tests ([LongTest]) beside the main worker, on its own thread: on two
/// cores the main worker's quick tests and the two halves of the long tests overlap instead of queueing. The lane only
/// helps: its outcomes go into the run's record as they come, and whatever it leaves undone (it crashed, hung, or did
/// not start) the main worker runs after its own share, with the usual crash handling.
/// </summary>
internal sealed class LongTestLane
{
    /// <summary>What the main worker runs while a lane may run: the quick tests and every other long test.</summary>
    public static readonly LongTestShare MainShare = new(0, 2, QuickTests: true);

    private static readonly LongTestShare LaneShare = new(1, 2, QuickTests: false);

    private readonly CancellationTokenSource _stop;
    private readonly Thread _thread;
    private WorkerProcess? _spare;

    private LongTestLane(WorkerProcess worker, RunRequest request, RunRecord record, TimeSpan startLimit, Func<WorkerProcess, RunRecord, CancellationToken, bool> follow, CancellationToken cancel)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        CancellationToken stop = _stop.Token;
        _thread = new Thread(() => Work(worker, request, record, startLimit, follow, stop)) { IsBackground = true, Name = "long-test lane" };
    }

    /// <summary>Whether the lane has work: a run whose tests include at least two long ones (one for each worker).</summary>
    public static bool HasWork(IReadOnlyList<TestCase> discovered) => discovered.Count(test => test.IsLong) >= 2;

    /// <summary>
    /// Starts the lane: <paramref name="worker"/> (a warm standby, or a starting one) runs the lane's share of
    /// <paramref name="request"/>'s long tests, <paramref name="follow"/> reads its events (true when it ended well), and
    /// its outcomes go into <paramref name="record"/>.
    /// </summary>
    public static LongTestLane Start(
        WorkerProcess worker, RunRequest request, RunRecord record, TimeSpan startLimit, Func<WorkerProcess, RunRecord, CancellationToken, bool> follow, CancellationToken cancel)
    {
        var lane = new LongTestLane(worker, request, record, startLimit, follow, cancel);
        lane._thread.Start();
        return lane;
    }

    /// <summary>Stops the lane's worker early (the run ended without it).</summary>
    public void Stop() => _stop.Cancel();

    /// <summary>Waits for the lane to end; its worker when it ended well (it can serve again), else null.</summary>
    public WorkerProcess? Join()
    {
        _thread.Join();
        _stop.Dispose();
        return _spare;
    }

    private void Work(WorkerProcess worker, RunRequest request, RunRecord record, TimeSpan startLimit, Func<WorkerProcess, RunRecord, CancellationToken, bool> follow, CancellationToken stop)
    {
        try
        {
            if (worker.HasExited || !worker.WaitReady(startLimit) || stop.IsCancellationRequested)
            {
                worker.Dispose();
                return;
            }

            var lane = new RunRecord(record.Kata, new Forwarder(record));
            worker.Send(request with { LongShare = LaneShare, Skip = [.. request.Skip, .. record.Done] });
            if (follow(worker, lane, stop))
            {
                _spare = worker;
                return;
            }

            worker.Dispose();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            // The worker's pipe broke: the main worker runs the lane's tests.
            worker.Dispose();
        }
    }

    /// <summary>The lane's own record tells the run's record only what the board needs: a test started, a test ended.</summary>
    private sealed class Forwarder(RunRecord run) : IRunObserver
    {
        public void Compiled(bool succeeded, IReadOnlyList<CompilerMessage> diagnostics, double seconds)
        {
        }

        public void Discovered(IReadOnlyList<TestCase> tests)
        {
        }

        public void Started(TestCase test) => run.StartedElsewhere(test);

        public void Finished(TestOutcome outcome)
        {
            // A test the lane did not run stays open: the main worker runs it.
            if (outcome.Kind != OutcomeKind.NotRun)
            {
                run.Adopt(outcome);
            }
        }

        public void Replaced(string reason)
        {
        }
    }
}
