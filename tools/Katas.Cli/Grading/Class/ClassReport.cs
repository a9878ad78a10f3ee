using Katas.Kits;

namespace Katas.Cli.Grading.Class;

/// <summary>A class's grades: one row per student, in roster order, and the katas they were graded on.</summary>
/// <param name="Students">The students, in roster order.</param>
internal sealed record ClassReport(IReadOnlyList<ClassStudent> Students)
{
    /// <summary>The graded katas, in order.</summary>
    public IReadOnlyList<string> Katas => [.. Students.SelectMany(student => student.Tasks).Select(task => task.Kata).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The tasks of <paramref name="kata"/> with their points (every student of a run has the same rubric).</summary>
    public IReadOnlyList<(int Task, int Points)> TasksOf(string kata) =>
        [.. Students.SelectMany(student => student.Tasks).Where(task => task.Kata == kata).DistinctBy(task => task.Task).OrderBy(task => task.Task).Select(task => (task.Task, task.Points))];

    /// <summary>The most a student can score in <paramref name="kata"/>.</summary>
    public int PossibleIn(string kata) => TasksOf(kata).Sum(task => task.Points);

    /// <summary>The most a student can score.</summary>
    public int Possible => Katas.Sum(PossibleIn);

    /// <summary>The course commits that graded the class (one, unless shards ran at different commits).</summary>
    public IReadOnlyList<string> CourseCommits => [.. Students.Select(student => student.CourseCommit).Where(commit => commit.Length > 0).Distinct()];

    /// <summary>The report of <paramref name="students"/>, in roster order.</summary>
    public static ClassReport Of(IEnumerable<ClassStudent> students) =>
        new([.. students.OrderBy(student => student.Index).ThenBy(student => student.Name, StringComparer.Ordinal)]);

    /// <summary>The report of every student graded into <paramref name="folders"/> (the --out folders of shards).</summary>
    /// <exception cref="UsageException">A folder is missing or has no students, or a student is in two of them.</exception>
    public static ClassReport Merge(IReadOnlyList<string> folders)
    {
        var students = new Dictionary<string, (ClassStudent Student, string Folder)>(StringComparer.OrdinalIgnoreCase);
        foreach (string folder in folders)
        {
            if (!Directory.Exists(folder))
            {
                throw new UsageException($"--merge: there is no folder \"{folder}\".");
            }

            IReadOnlyList<ClassStudent> found = StudentResults.ReadAll(folder);
            if (found.Count == 0)
            {
                throw new UsageException($"--merge: \"{folder}\" has no students/<name>/results.json (is it the --out of a grade-class run?).");
            }

            foreach (ClassStudent student in found)
            {
                if (!students.TryAdd(student.Name, (student, folder)))
                {
                    throw new UsageException($"--merge: {student.Name} is graded in both \"{students[student.Name].Folder}\" and \"{folder}\"; merge each shard once.");
                }
            }
        }

        return Of(students.Values.Select(found => found.Student));
    }
}
