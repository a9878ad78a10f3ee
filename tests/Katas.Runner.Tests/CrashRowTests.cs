using FluentAssertions;
using Katas.Runner.Outcomes;
using Katas.Runner.Protocol;
using static Katas.Runner.Tests.BoardPrinting;

namespace Katas.Runner.Tests;

/// <summary>
/// A test that crashes the test process sends the rest of its task after every other task (a fresh worker runs them),
/// so the board shows the crash at once, as a "so far" row of its task, and the task's full row when the rest has run.
/// </summary>
public sealed class CrashRowTests
{
    private const string Crash = "The test process crashed inside TorchSharp's native library (libtorch): mat1 and mat2 shapes cannot be multiplied.";

    [Test]
    public void A_crash_is_on_the_board_at_once_before_the_other_tasks_and_once()
    {
        TestCase crashing = Case("Attack_runs", 2), second = Case("Attack_keeps_the_picture", 2), third = Case("Attack_clips", 2), other = Case("Gradient", 1);
        string printed = Printed(board =>
        {
            board.Discovered([crashing, second, third, other]);
            board.Finished(Outcome(crashing, OutcomeKind.Crashed, Crash));
            board.Finished(Outcome(other, OutcomeKind.Passed, ""));
            board.Finished(Outcome(second, OutcomeKind.Crashed, Crash));
            board.Finished(Outcome(third, OutcomeKind.NotRun, "Not run: the test process crashed 2 times the same way."));
        });

        string[] lines = Lines(printed);
        lines[0].Should().Be("task 2   so far failed 1 of 1 crashed; the other 2 test(s) of this task run after the other tasks");
        lines[1].Should().Be("Attack_runs:");
        lines[2].Should().StartWith("The test process crashed inside TorchSharp's native library");
        lines[3].Should().Be("task 1   passed (1)", "the other tasks' rows come after the crash");
        lines[4].Should().Be("task 2   failed 2 of 3 crashed, 1 not run", "the task's full row comes when its other tests have run; two crashes of one cause, and a test not run because of them, are one cause");
        printed.Split("mat1 and mat2").Should().HaveCount(2, "the crash the 'so far' row showed is not shown again");
        printed.Split("so far").Should().HaveCount(2, "a second crash of the same task adds no second 'so far' row");
    }

    [Test]
    public void A_task_whose_only_test_crashed_gets_its_full_row_alone()
    {
        TestCase only = Case("Only", 3);
        string printed = Printed((only, OutcomeKind.Crashed, Crash));

        Lines(printed)[0].Should().Be("task 3   failed 1 of 1 crashed");
        printed.Should().NotContain("so far");
    }

    [Test]
    public void A_task_none_of_whose_tests_ran_says_so_instead_of_failed()
    {
        TestCase first = Case("Attack_runs", 3), second = Case("Attack_clips", 3);
        string printed = Printed(
            (first, OutcomeKind.NotRun, "Not run: the test process crashed 2 times the same way."),
            (second, OutcomeKind.NotRun, "Not run: the test process crashed 2 times the same way."));

        Lines(printed)[0].Should().Be("task 3   2 of 2 not run", "a test that did not run did not fail");
    }
}
