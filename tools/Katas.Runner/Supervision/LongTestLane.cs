using System.Runtime.ExceptionServices;
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
    private ExceptionDispatchInfo? _failure;

    private LongTestLane(WorkerProcess worker, RunRequest request, RunRecord record, TimeSpan startLimit, Func<WorkerProcess, RunRecord, RunTrouble, CancellationToken, bool> follow, CancellationToken cancel)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        CancellationToken stop = _stop.Token;
        _thread = new Thread(() => Work(worker, request, record, startLimit, follow, stop)) { IsBackground = true, Name = "long-test lane" };
    }

    /// <summary>The crashes and hangs in the lane's worker, for the run to count with its own once the lane has ended.</summary>
    public RunTrouble Trouble { get; } = new();

    /// <summary>Whether the lane has work: a run whose tests include at least two long ones (one for each worker).</summary>
    public static bool HasWork(IReadOnlyList<TestCase> discovered) => discovered.Count(test => test.IsLong) >= 2;

    /// <summary>
    /// Starts the lane: <paramref name="worker"/> (a warm standby, or a starting one) runs the lane's share of
    /// <paramref name="request"/>'s long tests, <paramref name="follow"/> reads its events into the lane's own record and
    /// <see cref="Trouble"/> (true when it ended well), and its outcomes go into <paramref name="record"/>.
    /// </summary>
    public static LongTestLane Start(
        WorkerProcess worker, RunRequest request, RunRecord record, TimeSpan startLimit, Func<WorkerProcess, RunRecord, RunTrouble, CancellationToken, bool> follow, CancellationToken cancel)
    {
        var lane = new LongTestLane(worker, request, record, startLimit, follow, cancel);
        lane._thread.Start();
        return lane;
    }

    /// <summary>Stops the lane's worker early (the run ended without it).</summary>
    public void Stop() => _stop.Cancel();

    /// <summary>
    /// Waits for the lane to end; its worker when it ended well (it can serve again), else null. An exception on the lane's
    /// thread (from the board, say) is thrown here, on the run's thread.
    /// </summary>
    public WorkerProcess? Join()
    {
        _thread.Join();
        _stop.Dispose();
        _failure?.Throw();
        return _spare;
    }

    private void Work(WorkerProcess worker, RunRequest request, RunRecord record, TimeSpan startLimit, Func<WorkerProcess, RunRecord, RunTrouble, CancellationToken, bool> follow, CancellationToken stop)
    {
        bool keep = false;
        try
        {
            if (!Ready(worker, startLimit, stop))
            {
                return;
            }

            var lane = new RunRecord(record.Kata, new Forwarder(record));
            worker.Send(request with { LongShare = LaneShare, Skip = [.. request.Skip, .. record.Done] });
            keep = follow(worker, lane, Trouble, stop);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            // The worker's pipe broke: the main worker runs the lane's tests.
        }
        catch (Exception e)
        {
            _failure = ExceptionDispatchInfo.Capture(e);
        }
        finally
        {
            if (keep)
            {
                _spare = worker;
            }
            else
            {
                worker.Dispose();
            }
        }
    }

    /// <summary>Waits for the worker to be ready, in short slices so a stopped run does not wait for a start.</summary>
    private static bool Ready(WorkerProcess worker, TimeSpan startLimit, CancellationToken stop)
    {
        DateTime giveUp = DateTime.UtcNow + startLimit;
        while (!stop.IsCancellationRequested && !worker.HasExited && DateTime.UtcNow < giveUp)
        {
            if (worker.WaitReady(TimeSpan.FromMilliseconds(250)))
            {
                return true;
            }
        }

        return false;
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
