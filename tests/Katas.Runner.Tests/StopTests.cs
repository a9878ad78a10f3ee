using System.Diagnostics;
using FluentAssertions;
using Katas.Conventions;
using Katas.Runner.Outcomes;
using Katas.Runner.Protocol;
using Katas.Runner.Supervision;
using static Katas.Runner.Tests.BoardPrinting;
using static Katas.Runner.Tests.WarmRunnerTests;

namespace Katas.Runner.Tests;

/// <summary>
/// Ctrl+C during a run: in a terminal it reaches the tool and its workers alike. The worker leaves it to the supervisor,
/// which stops the run (the tests it did not reach are "not run: stopped", none "crashed") and ends its workers; a worker
/// whose supervisor is gone ends at once, mid-run, instead of running learner code for nobody.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class StopTests
{
    private readonly KataCopies _copies = new();

    [OneTimeTearDown]
    public void RemoveCopies() => _copies.Dispose();

    [Test]
    [Platform(Exclude = "Win", Reason = "sends SIGINT with kill(1)")]
    public void Ctrl_C_stops_the_run_and_no_test_is_taken_for_crashed()
    {
        using var runner = new WarmRunner(KataCopies.WorkerStart, keepStandby: false);
        using var stop = new CancellationTokenSource();
        int worker = runner.CurrentProcessId!.Value;
        bool aliveAfterCtrlC = false;
        var observer = new RecordingObserver
        {
            // What a terminal does on Ctrl+C: the signal reaches the worker, and the tool's handler cancels the run, a
            // moment later (by then a worker that took the signal for itself would be gone).
            OnFinished = outcome =>
            {
                if (!stop.IsCancellationRequested)
                {
                    Interrupt(worker);
                    Thread.Sleep(300);
                    aliveAfterCtrlC = IsRunning(worker);
                    stop.Cancel();
                }
            },
        };

        KataRunResult result = runner.Run(Request(_copies.Reference()), observer, stop.Token);

        aliveAfterCtrlC.Should().BeTrue("the worker leaves Ctrl+C to its supervisor");
        result.Stopped.Should().BeTrue();
        observer.Replacements.Should().BeEmpty();
        result.Outcomes.Should().NotContain(outcome => outcome.Crashed, "the worker leaves Ctrl+C to its supervisor");
        result.Outcomes.Where(outcome => !outcome.Passed).Should().NotBeEmpty()
            .And.OnlyContain(outcome => outcome.Kind == OutcomeKind.NotRun && outcome.Message == "Not run: the run was stopped.");
        int stopped = observer.Events.IndexOf("stopped");
        stopped.Should().BePositive("the observer hears of the stop");
        result.Outcomes.Where(outcome => outcome.Kind == OutcomeKind.NotRun)
            .Should().OnlyContain(outcome => observer.Events.IndexOf("finished " + outcome.FullName) > stopped, "the board hears of the stop before the tests it did not reach");
    }

    [Test]
    [Platform(Exclude = "Win", Reason = "sends SIGINT with kill(1)")]
    public void A_worker_that_got_Ctrl_C_between_runs_serves_the_next_run()
    {
        using var runner = new WarmRunner(KataCopies.WorkerStart, keepStandby: false);
        RunRequest request = Request(_copies.Reference()) with { OnlyTasks = [1] };
        runner.Run(request, new RecordingObserver()).Outcomes.Should().OnlyContain(outcome => outcome.Passed);
        int worker = runner.CurrentProcessId!.Value;

        Interrupt(worker);
        KataRunResult next = runner.Run(request, new RecordingObserver());

        next.Outcomes.Should().NotBeEmpty().And.OnlyContain(outcome => outcome.Passed);
        runner.CurrentProcessId.Should().Be(worker, "Ctrl+C did not end the worker");
    }

    [Test]
    public void A_worker_whose_supervisor_is_gone_ends_in_the_middle_of_a_run()
    {
        using WorkerProcess worker = WorkerProcess.Start(KataCopies.WorkerStart);
        worker.WaitReady(TimeSpan.FromMinutes(2)).Should().BeTrue("the worker starts");
        // The endless loop's call may run for ten minutes before its time limit stops it.
        worker.Send(Request(_copies.Broken("endless-loop-with-warning")) with { OnlyTasks = [4], TimeLimitSeconds = 600 });
        WorkerEvent? next;
        do
        {
            next = worker.Next(TimeSpan.FromMinutes(1));
        }
        while (next is not null && next.Kind != WorkerEventKind.Started);

        next.Should().NotBeNull("the worker starts the loop's test");

        worker.CloseInput();

        worker.WaitForExit(TimeSpan.FromMinutes(1));
        worker.HasExited.Should().BeTrue("a worker whose standard input ended has no supervisor left to report to");
        worker.ExitCode.Should().Be(0, "it ends on its own, not by a failure of its exit");
    }

    [Test]
    public void A_stopped_run_shows_no_more_rows_and_says_how_far_it_got()
    {
        TestCase first = Case("Loss", 1), second = Case("Gradient", 1), third = Case("Attack", 2);
        string printed = Printed(board =>
        {
            board.Discovered([first, second, third]);
            board.Finished(Outcome(first, OutcomeKind.Passed, ""));
            board.Stopped();
            board.Finished(Outcome(second, OutcomeKind.NotRun, "Not run: the run was stopped."));
            board.Finished(Outcome(third, OutcomeKind.NotRun, "Not run: the run was stopped."));
            board.Finish(new KataRunResult("03-adversarial", true, [],
                [Outcome(first, OutcomeKind.Passed, ""), Outcome(second, OutcomeKind.NotRun, ""), Outcome(third, OutcomeKind.NotRun, "")], TimeSpan.Zero) { Stopped = true })
                .Should().BeFalse();
        });

        Lines(printed).Should().Equal("03-adversarial: stopped after 1 of 3 tests (1 passed); the others did not run.");
    }

    private static bool IsRunning(int process)
    {
        try
        {
            using Process running = Process.GetProcessById(process);
            return !running.HasExited;
        }
        catch (ArgumentException)
        {
            return false; // no such process any more
        }
    }

    private static void Interrupt(int process) =>
        ExternalProgram.Run("kill", ["-INT", process.ToString(System.Globalization.CultureInfo.InvariantCulture)]).ExitCode.Should().Be(0);
}
