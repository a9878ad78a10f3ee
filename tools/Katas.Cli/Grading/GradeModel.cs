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

/// <summary>A use of an API kata code may not use, which makes its kata score nothing.</summary>
/// <param name="Kata">The kata.</param>
/// <param name="File">The file, relative to the kata folder.</param>
/// <param name="Line">The line.</param>
/// <param name="Message">What is used, and why it is not allowed.</param>
internal sealed record ForbiddenUse(string Kata, string File, int Line, string Message);

/// <summary>What a grade is evidence of: whose code at which commit, graded by which course commit, and what was set aside.</summary>
/// <param name="StudentSource">The student's repository, as given (a path or an address).</param>
/// <param name="StudentCommit">The full id of the student's commit that was graded.</param>
/// <param name="CourseCommit">The full id of the course commit whose tests, rubrics and tool graded it.</param>
/// <param name="CourseClean">Whether the course's checkout had no uncommitted changes (a trusted grade runs on a clean one).</param>
/// <param name="Refused">Kata files not graded (symbolic links, submodules).</param>
/// <param name="Ignored">Other files of the student's commit that differ from the course's, which were used instead.</param>
/// <param name="Forbidden">Uses of APIs kata code may not use.</param>
internal sealed record GradeEvidence(string StudentSource, string StudentCommit, string CourseCommit, bool CourseClean,
    IReadOnlyList<SetAside> Refused, IReadOnlyList<SetAside> Ignored, IReadOnlyList<ForbiddenUse> Forbidden);

/// <summary>The whole grade.</summary>
/// <param name="Evidence">Whose code, which course, what was set aside.</param>
/// <param name="Tasks">Every task's grade, kata by kata.</param>
/// <param name="Elapsed">How long grading took.</param>
internal sealed record GradeReport(GradeEvidence Evidence, IReadOnlyList<TaskGrade> Tasks, TimeSpan Elapsed)
{
    /// <summary>Points earned.</summary>
    public int Earned => Tasks.Sum(task => task.Earned);

    /// <summary>Points possible.</summary>
    public int Possible => Tasks.Sum(task => task.Points);
}
