using System.Globalization;
using System.Text;

namespace Katas.Cli.Grading.Class;

/// <summary>class.md: a table of students by katas with their points and total (for people and $GITHUB_STEP_SUMMARY).</summary>
internal static class ClassMarkdown
{
    /// <summary>The report as Markdown.</summary>
    public static string Write(ClassReport report)
    {
        IReadOnlyList<string> katas = report.Katas;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Katas class grades: {report.Students.Count} students");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Graded by the course at commit {string.Join(", ", report.CourseCommits.Select(commit => $"`{commit}`"))}. Each student's report is in `students/<name>/report.md`.");
        text.AppendLine();
        text.AppendLine($"| student | {string.Join(" | ", katas.Select(kata => $"{kata} (/{report.PossibleIn(kata)})"))} | total | commit | status |");
        text.AppendLine($"|---|{string.Concat(katas.Select(_ => "---|"))}---|---|---|");
        foreach (ClassStudent student in report.Students)
        {
            string commit = student.Commit.Length > 0 ? $"`{student.Commit[..Math.Min(12, student.Commit.Length)]}`" : "-";
            string status = student.Note.Length == 0 ? student.Status : $"**{student.Status}**: {Cell(student.Note)}";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {Cell(student.Name)} | {string.Join(" | ", katas.Select(kata => student.EarnedIn(kata).ToString(CultureInfo.InvariantCulture)))} | {student.Earned} / {student.Possible} | {commit} | {status} |");
        }

        return text.ToString();
    }

    private static string Cell(string text)
    {
        string line = text.Split('\n')[0].Trim().Replace("|", "\\|", StringComparison.Ordinal);
        return line.Length <= 160 ? line : line[..157] + "...";
    }
}
