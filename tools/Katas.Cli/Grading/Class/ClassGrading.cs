using System.Diagnostics;
using Katas.Conventions;
using Katas.Kits;
using Spectre.Console;

namespace Katas.Cli.Grading.Class;

/// <summary>
/// Grades the students of a roster one after the other with one <see cref="GradingBundle"/>, writing each student's folder as
/// soon as they are graded. A student who can't be graded gets a row that says why and no points; the others go on.
/// </summary>
/// <param name="console">Where each student's line is written.</param>
/// <param name="course">The course that grades.</param>
/// <param name="bundle">Its tests and kits, built once for the whole class.</param>
/// <param name="katas">The katas graded.</param>
/// <param name="work">A folder inside the course's checkout for the students' figures.</param>
internal sealed class ClassGrading(IAnsiConsole console, CourseCommit course, GradingBundle bundle, IReadOnlyList<string> katas, string work)
{
    /// <summary>Grades <paramref name="students"/> into <paramref name="classFolder"/>/students/, printing a line as each starts and ends.</summary>
    public IReadOnlyList<ClassStudent> Run(IReadOnlyList<RosterEntry> students, string classFolder)
    {
        var rows = new List<ClassStudent>();
        foreach (RosterEntry entry in students)
        {
            string counter = Markup.Escape($"[{rows.Count + 1}/{students.Count}]");
            console.MarkupLine($"{counter} {Markup.Escape(entry.Name)}: grading {Markup.Escape(entry.Repository)}" +
                (entry.Deadline is { } deadline ? $" as of {deadline:yyyy-MM-dd'T'HH:mm:sszzz}" : " at the tip of HEAD") + "...");
            var clock = Stopwatch.StartNew();
            (string status, string note, GradeReport report) = Grade(entry);
            ClassStudent row = ClassStudent.Of(entry, status, note, report, clock.Elapsed);
            StudentResults.Write(row, report, classFolder);
            rows.Add(row);
            string outcome = status == ClassStudent.Graded
                ? $"{row.Earned} / {row.Possible} points, commit {row.Commit[..12]}"
                : $"[red]{Markup.Escape(status)}[/]: {Markup.Escape(note)}; 0 / {row.Possible} points";
            console.MarkupLine($"{counter} {Markup.Escape(entry.Name)}: {outcome} ({StudentResults.Seconds(row.Elapsed)})");
        }

        return rows;
    }

    private (string Status, string Note, GradeReport Report) Grade(RosterEntry entry)
    {
        using var scratchFolder = new TemporaryFolder("katas-grade-class-");
        string scratch = scratchFolder.FullName;
        try
        {
            StudentRepository repository;
            try
            {
                repository = StudentRepository.Open(entry.Repository, scratch);
            }
            catch (UsageException e)
            {
                return Unreached(entry, ClassStudent.Unreachable, e.Message.Replace($"--student {entry.Repository}: ", "", StringComparison.Ordinal));
            }

            using (repository)
            {
                string? commit = CommitOf(repository, entry.Deadline);
                if (commit is null)
                {
                    return Unreached(entry, ClassStudent.NoCommit, entry.Deadline is { } deadline
                        ? $"the repository's HEAD has no commit at or before {deadline:yyyy-MM-dd'T'HH:mm:sszzz}"
                        : "the repository has no commit");
                }

                StudentSubmission submission = StudentSubmission.Read(entry.Repository, repository.GitFolder, commit, katas, course.Files, Path.Combine(scratch, "student"));
                GradeReport report = GradeRun.Grade(console, bundle, course, submission, katas, Path.Combine(work, "figures", entry.Name));
                return (ClassStudent.Graded, ClassStudent.RefusalsIn(report.Evidence), report);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One student's surprise must not cost the class its grades: the row says what went wrong.
            return Unreached(entry, ClassStudent.NotGraded, $"{e.GetType().Name}: {e.Message.Split('\n')[0]}");
        }
    }

    /// <summary>The commit to grade: the newest at or before the deadline, or HEAD's tip; null when there is none (an empty repository too).</summary>
    private static string? CommitOf(StudentRepository repository, DateTimeOffset? deadline)
    {
        if (RepositoryGit.RunIn(repository.GitFolder, "rev-parse", "--verify", "--quiet", "HEAD^{commit}") is not (0, string tip, _))
        {
            return null;
        }

        return deadline is { } due ? repository.CommitAt("HEAD", due) : tip.Trim();
    }

    /// <summary>A grade of nothing for a student whose code never ran: every task of the rubrics, with <paramref name="status"/> and why.</summary>
    private (string Status, string Note, GradeReport Report) Unreached(RosterEntry entry, string status, string note)
    {
        List<TaskGrade> tasks = [.. katas.SelectMany(kata => bundle.Rubric(kata).Points.Select(task => new TaskGrade(kata, task.Key, task.Value, 0, status, note, [])))];
        var evidence = new GradeEvidence(entry.Repository, "", course.Commit, course.Clean, [], [], []);
        return (status, note, new GradeReport(evidence, tasks, TimeSpan.Zero));
    }
}
