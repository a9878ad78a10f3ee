namespace Katas.Cli.Grading.Class;

/// <summary>One task of one student, as the class report shows it.</summary>
/// <param name="Kata">The kata folder name.</param>
/// <param name="Task">The task number.</param>
/// <param name="Points">What the rubric gives the task.</param>
/// <param name="Earned">What the student earned.</param>
/// <param name="Status">The task's status (<see cref="TaskGrade.Status"/>), or the student's when they could not be graded.</param>
/// <param name="Reason">The first problem, one line, or "".</param>
internal sealed record ClassTask(string Kata, int Task, int Points, int Earned, string Status, string Reason);

/// <summary>
/// One student's row of the class report: enough of their <see cref="GradeReport"/> to rebuild the class report from their
/// results.json alone (what --merge does).
/// </summary>
/// <param name="Index">Their 0-based position in the roster (the class report keeps roster order).</param>
/// <param name="Name">Their name in the roster.</param>
/// <param name="Status"><see cref="Graded"/>, <see cref="Unreachable"/>, <see cref="NoCommit"/> or <see cref="NotGraded"/>.</param>
/// <param name="Note">Why they were not graded, or what the grader refused in their graded commit (a symbolic link, a forbidden API), or "".</param>
/// <param name="Source">Their repository, as the roster gives it.</param>
/// <param name="Commit">The full id of the commit graded, or "" when none was.</param>
/// <param name="CourseCommit">The course commit that graded them.</param>
/// <param name="Tasks">Every task of the graded katas.</param>
/// <param name="Elapsed">How long the student took: opening their repository, reading and grading their commit.</param>
internal sealed record ClassStudent(int Index, string Name, string Status, string Note, string Source, string Commit, string CourseCommit,
    IReadOnlyList<ClassTask> Tasks, TimeSpan Elapsed)
{
    /// <summary>The student's commit was graded.</summary>
    public const string Graded = "graded";

    /// <summary>Their repository could not be opened (no such path, git could not clone it).</summary>
    public const string Unreachable = "unreachable";

    /// <summary>Their repository has no commit at or before the deadline.</summary>
    public const string NoCommit = "no commit before the deadline";

    /// <summary>Grading them failed in a way nobody foresaw; the note says how. The other students are graded all the same.</summary>
    public const string NotGraded = "not graded";

    /// <summary>
    /// What the grader refused in a graded commit (a file that is not a regular kata file, an API a kata may not use), as the
    /// note of the class files: a student who tried either otherwise looks just like one who did nothing. "" when there is none.
    /// </summary>
    public static string RefusalsIn(GradeEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return string.Join("; ", evidence.Refused.Select(file => $"refused {file.Path}: {file.Why}")
            .Concat(evidence.Forbidden.Select(use => $"forbidden API in {use.Kata}/{use.File}, line {use.Line}")));
    }

    /// <summary>Points earned.</summary>
    public int Earned => Tasks.Sum(task => task.Earned);

    /// <summary>Points possible.</summary>
    public int Possible => Tasks.Sum(task => task.Points);

    /// <summary>Points earned in <paramref name="kata"/>.</summary>
    public int EarnedIn(string kata) => Tasks.Where(task => task.Kata == kata).Sum(task => task.Earned);

    /// <summary>The row of <paramref name="entry"/> from their grade.</summary>
    public static ClassStudent Of(RosterEntry entry, string status, string note, GradeReport report, TimeSpan elapsed) =>
        new(entry.Index, entry.Name, status, note, entry.Repository, report.Evidence.StudentCommit, report.Evidence.CourseCommit,
            [.. report.Tasks.Select(task => new ClassTask(task.Kata, task.Task, task.Points, task.Earned, task.Status, task.Reason))], elapsed);
}
