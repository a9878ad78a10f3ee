using FluentAssertions;
using Katas.Runner.Outcomes;
using Katas.Runner.Protocol;
using Katas.Runner.Supervision;

namespace Katas.Runner.Tests;

/// <summary>
/// A run's long tests ([LongTest]) shared by two workers, as processes, on kata 03's two article-result tests (its only
/// long ones, broken so they end at once): each runs once, in its own process, and a crash in the second worker is one
/// crashed test, not a lost run.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class LongTestLaneTests
{
    private const string Kata = "03-adversarial";

    /// <summary>The start of both long tests' names (cats into dogs, dogs into cats).</summary>
    private const string LongTests = "The_article_attack_turns";

    private readonly KataCopies _copies = new(Kata);

    private static WorkerStart Start => KataCopies.WorkerStartFor(Kata);

    [OneTimeTearDown]
    public void RemoveCopies() => _copies.Dispose();

    [Test]
    public void Two_long_tests_run_once_each_in_two_worker_processes()
    {
        using var runner = new WarmRunner(Start, keepStandby: false);
        var observer = new RecordingObserver();
        // An attack that takes no step fails both tests within a second (the reference's pass takes 6 s each: dotnet test proves it).
        string stepless = _copies.Broken(null, ("SignAttack.cs", "double size = stepSize ?? ArticleStep;", "double size = stepSize ?? ArticleStep; steps = 0;"));

        KataRunResult result = runner.Run(Request(stepless), observer);

        observer.Tests.Should().HaveCount(2).And.OnlyContain(test => test.IsLong);
        result.Outcomes.Select(outcome => outcome.FullName).Should().BeEquivalentTo(observer.Tests.Select(test => test.FullName), "each long test gets one outcome");
        result.Outcomes.Should().OnlyContain(outcome => outcome.Kind == OutcomeKind.Failed, "a test that fails is a failure in either worker, not a crash");
        result.Outcomes.Select(outcome => outcome.WorkerProcessId).Should().OnlyHaveUniqueItems("the second worker ran one of the two");
    }

    [Test]
    public void A_crash_in_either_worker_is_one_crashed_test_with_its_cause_and_the_run_ends()
    {
        using var runner = new WarmRunner(Start, keepStandby: false);

        // A matrix product of mismatched shapes: libtorch ends the process (no .NET exception), in both workers.
        string crashing = _copies.Broken(null, ("SignAttack.cs", "InputGradient.Freeze(model);", "torch.ones(150).matmul(torch.ones(3, 3)).Dispose();"));

        KataRunResult result = runner.Run(Request(crashing), new RecordingObserver());

        result.Outcomes.Should().HaveCount(2, "each long test gets one outcome, whichever worker ran it");
        result.Outcomes.Should().OnlyContain(outcome => outcome.Crashed && outcome.Message.Contains("mat1 and mat2 shapes cannot be multiplied"));
    }

    private static RunRequest Request(string source) => new(source, Path.GetDirectoryName(source)!, [], []) { OnlyTests = [LongTests] };
}
