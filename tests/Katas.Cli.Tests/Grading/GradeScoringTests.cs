using FluentAssertions;
using Katas.Cli;
using Katas.Cli.Grading;
using Katas.Data;
using Katas.Kits;
using Katas.Runner.Outcomes;
using Katas.Runner.Protocol;

namespace Katas.Cli.Tests;

/// <summary>How `./kata grade` turns test outcomes into points, and reads the rubrics (the process check is .ci/learner-tools.sh).</summary>
[Parallelizable(ParallelScope.Self)]
public sealed class GradeScoringTests
{
    private static readonly Rubric ThreeTasks = new("01-linreg", new Dictionary<int, int> { [1] = 2, [2] = 3, [3] = 5 });

    private static IEnumerable<string> Katas() => KataRepository.Katas;

    [Test]
    public void A_task_earns_its_points_only_when_all_its_tests_pass_and_the_worst_problem_is_named()
    {
        var result = new KataRunResult("01-linreg", true, [], [
            Outcome("T.Task1Tests", "a", OutcomeKind.Passed, "", 1),
            Outcome("T.Task1Tests", "b", OutcomeKind.Passed, "", 1),
            Outcome("T.Task2Tests", "c", OutcomeKind.Passed, "", 2),
            Outcome("T.Task2Tests", "d", OutcomeKind.Failed, "Your loop leaks about 3 tensors per iteration", 2),
            Outcome("T.Task3Tests", "e", OutcomeKind.Failed, "Expected 1 but was 2", 3),
            Outcome("T.Task3Tests", "f", OutcomeKind.Failed, "GradientDescent.Run did not finish within 20 seconds.", 3),
        ], TimeSpan.Zero);

        IReadOnlyList<TaskGrade> grades = GradeScoring.Score(ThreeTasks, result);

        grades.Select(grade => (grade.Task, grade.Earned, grade.Status)).Should().Equal((1, 2, "passed"), (2, 0, "leaked"), (3, 0, "hung"));
        grades[2].Reason.Should().Be("f: GradientDescent.Run did not finish within 20 seconds.", "a hang outranks a plain failure");
    }

    [Test]
    public void A_crash_costs_its_task_and_tasks_left_unrun_by_crashes_are_named()
    {
        var result = new KataRunResult("01-linreg", true, [], [
            Outcome("T.Task1Tests", "a", OutcomeKind.Passed, "", 1),
            Outcome("T.Task2Tests", "b", OutcomeKind.Crashed, "Crashed: stack overflow in Katas.Linreg.Loss.Recurse", 2),
        ], TimeSpan.Zero) { Problem = "The test process crashed 8 times in this run" };

        IReadOnlyList<TaskGrade> grades = GradeScoring.Score(ThreeTasks, result);

        grades.Select(grade => (grade.Task, grade.Earned, grade.Status)).Should().Equal((1, 2, "passed"), (2, 0, "crashed"), (3, 0, "crashed"));
        grades[1].Reason.Should().Contain("stack overflow");
        grades[2].Reason.Should().Contain("an earlier test crashed the test process");
    }

    [Test]
    public void A_kata_that_does_not_build_scores_nothing_and_shows_the_first_compiler_error()
    {
        var result = new KataRunResult("01-linreg", false, [new CompilerMessage(true, "CS1002", "Loss.cs", 12, 5, "; expected")], [], TimeSpan.Zero);
        IReadOnlyList<TaskGrade> grades = GradeScoring.Score(ThreeTasks, result);
        grades.Should().OnlyContain(grade => grade.Earned == 0 && grade.Status == "not built" && grade.Reason.Contains("error CS1002"));
    }

    [TestCaseSource(nameof(Katas))]
    public void Every_rubric_gives_points_to_exactly_the_tasks_of_its_README(string kata)
    {
        if (!File.Exists(Path.Combine(KataRepository.Root, "tests", kata, "rubric.json")))
        {
            Assert.Ignore($"tests/{kata}/rubric.json is missing: ./kata grade refuses this kata until it has one.");
        }

        Rubric rubric = Rubric.Read(KataRepository.Root, kata, KataReadme.Tasks(kata));
        rubric.Points.Keys.Should().Equal(KataReadme.Tasks(kata));
        rubric.Total.Should().BePositive();
    }

    [TestCase("{\"kata\": \"01-linreg\", \"tasks\": [{\"task\": 1, \"points\": 2}]}", "lists tasks 1, 2, 3, 4, 5")]
    [TestCase("{\"kata\": \"02-spread\", \"tasks\": []}", "expected {\"kata\": \"01-linreg\"")]
    [TestCase("{\"kata\": \"01-linreg\", \"tasks\": [{\"task\": 1, \"points\": 2}, {\"task\": 1, \"points\": 3}]}", "task 1 is listed twice")]
    [TestCase("{ nope", "tests/01-linreg/rubric.json, line 1")]
    public void A_wrong_rubric_is_an_error_naming_the_file(string json, string message)
    {
        string root = Directory.CreateTempSubdirectory("katas-rubric").FullName;
        Directory.CreateDirectory(Path.Combine(root, "tests", "01-linreg"));
        File.WriteAllText(Path.Combine(root, "tests", "01-linreg", "rubric.json"), json);
        FluentActions.Invoking(() => Rubric.Read(root, "01-linreg", [1, 2, 3, 4, 5])).Should().Throw<DataFormatException>()
            .Which.Message.Should().Contain("tests/01-linreg/rubric.json").And.Contain(message);
        Directory.Delete(root, recursive: true);
    }

    private static TestOutcome Outcome(string className, string name, OutcomeKind kind, string message, int task) =>
        new($"{className}.{name}", className, name, task, kind, message);
}
