using FluentAssertions;
using Katas.Runner.Outcomes;
using Katas.Runner.Protocol;
using Katas.Runner.Supervision;
using static Katas.Runner.Tests.BoardPrinting;

namespace Katas.Runner.Tests;

/// <summary>
/// What the long-test lane hands the run, without processes: its outcomes join the run's record (once per test, only for
/// tests the run discovered), and its crashes and hangs count as the run's own before the main worker takes over.
/// </summary>
public sealed class LaneRecordTests
{
    [Test]
    public void An_adopted_outcome_is_recorded_and_shown_once_and_one_for_a_test_the_run_did_not_discover_is_left_out()
    {
        TestCase quick = Case("Quick", 2), longOne = Case("Long", 2, "an attack");
        var observer = new RecordingObserver();
        var record = new RunRecord("03-adversarial", observer);
        record.Discovered([quick, longOne]);

        record.Adopt(Outcome(longOne, OutcomeKind.Passed, ""));
        record.Adopt(Outcome(longOne, OutcomeKind.Failed, "a second outcome for the same test"));
        record.Adopt(Outcome(Case("(loading the tests)", 0), OutcomeKind.Crashed, "the lane's worker died while loading"));

        observer.Outcomes.Should().ContainSingle().Which.Should().Be(Outcome(longOne, OutcomeKind.Passed, ""));
        record.Result().Outcomes.Select(outcome => outcome.FullName).Should().Equal(longOne.FullName);
        record.AllDone.Should().BeFalse("the quick test has no outcome yet");
    }

    [Test]
    public void The_lanes_crashes_and_hangs_count_as_the_runs_own()
    {
        TestCase longOne = Case("Long", 2, "an attack");
        var record = new RunRecord("03-adversarial", new RecordingObserver());
        record.Discovered([longOne]);
        var run = new RunTrouble();
        run.Crashed();
        var lane = new RunTrouble();
        lane.Crashed();
        lane.Hung(Outcome(longOne, OutcomeKind.Failed, "ran past its time limit"), "SignAttack.Run (SignAttack.cs, line 30)");

        run.Absorb(lane);

        run.Crashes.Should().Be(2);
        run.Hangs.Should().Equal("SignAttack.Run (SignAttack.cs, line 30)");
        run.Tasks.Should().Equal(2);
        run.TasksToStop(record).Should().ContainSingle(stop => stop.Task == 2, "a task whose test hung stops its other tests, in either worker");
    }
}
