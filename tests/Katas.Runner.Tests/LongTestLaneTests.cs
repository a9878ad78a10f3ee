using FluentAssertions;
using Katas.Cli;
using Katas.Cli.Running;
using Katas.Runner.Outcomes;
using Katas.Runner.Protocol;
using Katas.Runner.Supervision;
using Katas.Testing;

namespace Katas.Runner.Tests;

/// <summary>
/// A run's long tests ([LongTest]) shared by two workers, as processes, on kata 03's two article-result tests (its only
/// long ones, broken so they end at once): each runs once, in its own process, and a crash in the second worker is one
/// crashed test, not a lost run.
/// </summary>
[NonParallelizable]
public sealed class LongTestLaneTests
{
    private const string Kata = "03-adversarial";

    /// <summary>The start of both long tests' names (cats into dogs, dogs into cats).</summary>
    private const string LongTests = "The_article_attack_turns";

    private readonly string _root = Directory.CreateTempSubdirectory("katas-lane-tests-").FullName;

    private static WorkerStart Start
    {
        get
        {
            ReferenceTests tests = KataCopies.WorkerTests(Kata);
            return new(KataWorkers.WorkerAssembly, tests.Assembly, tests.KataAssemblyName, Kata);
        }
    }

    [OneTimeTearDown]
    public void RemoveCopies() => Directory.Delete(_root, recursive: true);

    [Test]
    public void Two_long_tests_run_once_each_in_two_worker_processes()
    {
        using var runner = new WarmRunner(Start, keepStandby: false);
        var observer = new RecordingObserver();
        // An attack that takes no step fails both tests within a second (the reference's pass takes 6 s each: dotnet test proves it).
        string stepless = Copy("stepless", ("SignAttack.cs", "double size = stepSize ?? ArticleStep;", "double size = stepSize ?? ArticleStep; steps = 0;"));

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
        string crashing = Copy("native-crash", ("SignAttack.cs", "InputGradient.Freeze(model);", "torch.ones(150).matmul(torch.ones(3, 3)).Dispose();"));

        KataRunResult result = runner.Run(Request(crashing), new RecordingObserver());

        result.Outcomes.Should().HaveCount(2, "each long test gets one outcome, whichever worker ran it");
        result.Outcomes.Should().OnlyContain(outcome => outcome.Crashed && outcome.Message.Contains("mat1 and mat2 shapes cannot be multiplied"));
    }

    private static RunRequest Request(string source) => new(source, Path.GetDirectoryName(source)!, [], []) { OnlyTests = [LongTests] };

    private string Copy(string name, (string File, string Find, string Replace)? edit = null)
    {
        string target = Path.Combine(_root, name, Kata);
        KataCopy.Copy(Path.Combine(KataEnvironment.RepoRoot, "solutions", Kata), target);
        if (edit is { } change)
        {
            string path = Path.Combine(target, change.File);
            string text = File.ReadAllText(path);
            text.Should().Contain(change.Find, "the test edits the reference solution: update it to the reference");
            File.WriteAllText(path, text.Replace(change.Find, change.Replace, StringComparison.Ordinal));
        }

        return target;
    }
}
