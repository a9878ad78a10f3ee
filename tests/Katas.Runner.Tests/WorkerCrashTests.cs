using FluentAssertions;
using Katas.Runner.Outcomes;
using Katas.Runner.Supervision;
using static Katas.Runner.Tests.WarmRunnerTests;

namespace Katas.Runner.Tests;

/// <summary>
/// A crash, a stack overflow or an endless loop in learner code costs one worker and one test, never the run, and the
/// next run is not poisoned: as processes, on kata 01. Each test has runners of its own, so they run side by side (most of
/// their time is spent waiting for a worker to start, crash or reach a time limit).
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class WorkerCrashTests
{
    private readonly KataCopies _copies = new();

    [OneTimeTearDown]
    public void RemoveCopies() => _copies.Dispose();

    [TestCase("native-crash", "mat1 and mat2 shapes cannot be multiplied")]
    [TestCase("stack-overflow-lambda", "stack overflow in Katas.Linreg.Loss")]
    public void A_crash_costs_one_worker_and_becomes_a_crashed_test_with_its_cause_and_every_test_still_gets_an_outcome(string broken, string cause)
    {
        using var runner = new WarmRunner(Start, keepStandby: false);
        var observer = new RecordingObserver();
        int? first = runner.CurrentProcessId;

        KataRunResult result = runner.Run(Request(_copies.Broken(broken)) with { OnlyTasks = [1, 2] }, observer);

        TestOutcome crashed = result.Outcomes.First(outcome => outcome.Crashed);
        crashed.Message.Should().Contain(cause);
        observer.Replacements.Should().NotBeEmpty();
        result.Outcomes.Select(outcome => outcome.FullName).Should().BeEquivalentTo(
            observer.Tests.Where(test => test.Task is 1 or 2).Select(test => test.FullName), "crashed, failed or not run, every test keeps its place");
        runner.CurrentProcessId.Should().NotBe(first);

        KataRunResult fixedRun = runner.Run(Request(_copies.Reference()) with { OnlyTasks = [1] }, new RecordingObserver());
        fixedRun.Outcomes.Should().NotBeEmpty().And.OnlyContain(outcome => outcome.Passed, "the next run is not poisoned by the crash");
    }

    [Test]
    public void An_endless_loop_fails_at_its_limit_naming_its_line_and_the_next_run_is_not_poisoned()
    {
        using var runner = new WarmRunner(Start, keepStandby: true);
        string source = _copies.Broken("endless-loop-with-warning");
        int loopLine = LineOf(source, "GradientDescent.cs", "i += 0");

        KataRunResult result = runner.Run(Request(source) with { OnlyTasks = [4], TimeLimitSeconds = 2 }, new RecordingObserver());

        TestOutcome hung = result.Outcomes.Should().ContainSingle(outcome => outcome.Failure == FailureKind.TimeLimit).Subject;
        hung.Message.Should().Contain($"GradientDescent.Run (GradientDescent.cs, line {loopLine})");
        result.Outcomes.Where(outcome => outcome.Kind == OutcomeKind.NotRun).Should()
            .OnlyContain(outcome => outcome.Message.Contains("ran past its time limit", StringComparison.Ordinal));

        KataRunResult fixedRun = runner.Run(Request(_copies.Reference()) with { OnlyTasks = [4] }, new RecordingObserver());
        fixedRun.Outcomes.Should().NotBeEmpty().And.OnlyContain(outcome => outcome.Passed, "a fresh worker runs the next save");
    }
}
