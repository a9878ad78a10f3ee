using Katas.Kits;
using Katas.Runner.Outcomes;

namespace Katas.Cli.Grading;

/// <summary>Turns a kata's test outcomes into task grades with its rubric: a task earns its points only when all its tests pass.</summary>
internal static class GradeScoring
{
    /// <summary>The grades of <paramref name="rubric"/>'s tasks from <paramref name="result"/>.</summary>
    public static IReadOnlyList<TaskGrade> Score(Rubric rubric, KataRunResult result)
    {
        var grades = new List<TaskGrade>();
        // A run that stopped short (the test process crashed while loading the tests) fails every task without a result.
        bool restNotRun = result.Problem.Length > 0;
        foreach ((int task, int points) in rubric.Points)
        {
            List<TestOutcome> tests = result.Outcomes.Where(outcome => outcome.Task == task).ToList();
            (string status, string reason) = !result.Built && tests.Count == 0
                ? ("not built", FirstCompilerError(result))
                : tests.Count == 0
                    ? (restNotRun ? "crashed" : "failed", restNotRun ? "not run: an earlier test crashed the test process" : "no test of this task ran")
                    : Classify(tests);
            grades.Add(new TaskGrade(rubric.Kata, task, points, status == "passed" ? points : 0, status, reason, tests));
        }

        return grades;
    }

    /// <summary>"passed" when every test passed; else the worst way a test went wrong, with its message's first line.</summary>
    private static (string Status, string Reason) Classify(IReadOnlyList<TestOutcome> tests)
    {
        TestOutcome? crash = tests.FirstOrDefault(test => test.Crashed);
        if (crash is not null)
        {
            return ("crashed", $"{crash.Name}: {FirstLine(crash.Message)}");
        }

        TestOutcome? hang = tests.FirstOrDefault(test => test.Failure is FailureKind.TimeLimit or FailureKind.BlockedByEarlierCall);
        if (hang is not null)
        {
            return ("hung", $"{hang.Name}: {FirstLine(hang.Message)}");
        }

        TestOutcome? notRun = tests.FirstOrDefault(test => test.Kind == OutcomeKind.NotRun);
        if (notRun is not null)
        {
            return ("not run", $"{notRun.Name}: {FirstLine(notRun.Message)}");
        }

        TestOutcome? leak = tests.FirstOrDefault(test => !test.Passed && test.Message.Contains("leaks", StringComparison.Ordinal));
        if (leak is not null)
        {
            return ("leaked", $"{leak.Name}: {FirstLine(leak.Message)}");
        }

        TestOutcome? failure = FailureKinds.MostTelling(tests);
        return failure is null ? ("passed", "") : ("failed", $"{failure.Name}: {FirstLine(failure.Message)}");
    }

    private static string FirstCompilerError(KataRunResult result) =>
        result.Diagnostics.FirstOrDefault(message => message.IsError) is { } error ? $"{result.Kata}/{error}" : "the kata does not build";

    private static string FirstLine(string text)
    {
        string line = text.Split('\n')[0].Trim();
        return line.Length <= 200 ? line : line[..197] + "...";
    }
}
