using Katas.Runner.Outcomes;

namespace Katas.Cli.Grading;

/// <summary>One task's grade: its points if every one of its tests passed, else none, and why.</summary>
/// <param name="Kata">The kata folder name.</param>
/// <param name="Task">The task number.</param>
/// <param name="Points">What the rubric gives the task.</param>
/// <param name="Earned">What it earned: all of <paramref name="Points"/> or nothing.</param>
/// <param name="Status">"passed", "failed", "crashed", "hung", "not run", "leaked" or "not built".</param>
/// <param name="Reason">The first failure's message (one line), or "".</param>
/// <param name="Tests">The task's tests.</param>
internal sealed record TaskGrade(string Kata, int Task, int Points, int Earned, string Status, string Reason, IReadOnlyList<TestOutcome> Tests);

/// <summary>The whole grade.</summary>
/// <param name="Reference">The git ref the pristine files came from, and its commit.</param>
/// <param name="Restored">Files of the working tree that differ from the reference outside katas/**/*.cs, and were ignored.</param>
/// <param name="Tasks">Every task's grade, kata by kata.</param>
/// <param name="Elapsed">How long grading took.</param>
internal sealed record GradeReport(string Reference, IReadOnlyList<string> Restored, IReadOnlyList<TaskGrade> Tasks, TimeSpan Elapsed)
{
    /// <summary>Points earned.</summary>
    public int Earned => Tasks.Sum(task => task.Earned);

    /// <summary>Points possible.</summary>
    public int Possible => Tasks.Sum(task => task.Points);
}
