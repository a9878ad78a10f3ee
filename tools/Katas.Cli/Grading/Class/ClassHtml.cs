using System.Globalization;
using System.Xml.Linq;

namespace Katas.Cli.Grading.Class;

/// <summary>
/// class.html: one self-contained page (no external script, style sheet or font), a table of students by katas by tasks. Each
/// cell holds the task's points and carries its first problem as a tooltip; clicking a column's header sorts by it.
/// </summary>
internal static class ClassHtml
{
    /// <summary>
    /// Sorts the table by the clicked column, ascending then descending, by each cell's data-sort (numbers as numbers).
    /// Written without &lt;, &gt; and &amp;: the page is built as XML, which would escape them, and a script's text is not unescaped.
    /// </summary>
    public const string SortScript = """
        document.querySelectorAll('#grades thead th').forEach(function (header) {
          header.addEventListener('click', function () {
            var body = header.closest('table').tBodies[0];
            var column = header.cellIndex;
            var direction = header.dataset.direction === 'up' ? -1 : 1;
            header.dataset.direction = direction === 1 ? 'up' : 'down';
            var rows = Array.prototype.slice.call(body.rows);
            rows.sort(function (a, b) {
              var x = a.cells[column].dataset.sort, y = b.cells[column].dataset.sort;
              var nx = parseFloat(x), ny = parseFloat(y);
              return direction * (isNaN(nx) || isNaN(ny) ? x.localeCompare(y) : nx - ny);
            });
            rows.forEach(function (row) { body.appendChild(row); });
          });
        });
        """;

    private const string Style = """
        body { font-family: system-ui, sans-serif; margin: 1.5em; }
        table { border-collapse: collapse; }
        th, td { border: 1px solid #bbb; padding: 0.25em 0.5em; text-align: right; }
        th { cursor: pointer; background: #eee; user-select: none; }
        td.name, td.commit, td.status { text-align: left; }
        td.passed { background: #d9f2d9; }
        td.failed, td.crashed, td.hung, td.leaked, td.not-run { background: #f9dada; }
        td.not-built, td.unreachable, td.no-commit-before-the-deadline { background: #e6e6e6; }
        td.kata, td.total { font-weight: bold; }
        code { font-size: 0.9em; }
        """;

    /// <summary>The report as an HTML page.</summary>
    public static string Write(ClassReport report)
    {
        IReadOnlyList<string> katas = report.Katas;
        var header = new XElement("tr", Header("student", "the student's name in the roster"));
        foreach (string kata in katas)
        {
            foreach ((int task, int points) in report.TasksOf(kata))
            {
                header.Add(Header($"{kata[..2]} t{task}", $"{kata}, task {task}: {points} points"));
            }

            header.Add(Header($"{kata} (/{report.PossibleIn(kata)})", $"{kata}: every task"));
        }

        header.Add(Header($"total (/{report.Possible})", "every kata"), Header("commit", "the student's commit that was graded"), Header("status", "graded, or why not"));
        var body = new XElement("tbody");
        foreach (ClassStudent student in report.Students)
        {
            body.Add(Row(student, report, katas));
        }

        string courses = string.Join(", ", report.CourseCommits);
        var page = new XElement("html", new XAttribute("lang", "en"),
            new XElement("head",
                new XElement("meta", new XAttribute("charset", "utf-8")),
                new XElement("title", $"Katas class grades: {report.Students.Count} students"),
                new XElement("style", Style)),
            new XElement("body",
                new XElement("h1", $"Katas class grades: {report.Students.Count} students"),
                new XElement("p", "Graded by the course at commit ", new XElement("code", courses),
                    ". Hover a cell for the task's first problem; click a column's header to sort by it (again to reverse)."),
                new XElement("table", new XAttribute("id", "grades"), new XElement("thead", header), body),
                new XElement("script", SortScript)));
        return "<!DOCTYPE html>\n" + page.ToString() + "\n";
    }

    private static XElement Row(ClassStudent student, ClassReport report, IReadOnlyList<string> katas)
    {
        var row = new XElement("tr", Cell(student.Name, student.Name, "name", student.Source));
        foreach (string kata in katas)
        {
            foreach ((int number, int points) in report.TasksOf(kata))
            {
                ClassTask? task = student.Tasks.FirstOrDefault(task => task.Kata == kata && task.Task == number);
                string status = task?.Status ?? "not graded";
                string tooltip = task is null ? "not graded" : task.Reason.Length > 0 ? task.Reason : task.Status;
                row.Add(Cell($"{task?.Earned ?? 0}/{points}", Number(task?.Earned ?? 0), CssClass(status), tooltip));
            }

            row.Add(Cell(Number(student.EarnedIn(kata)), Number(student.EarnedIn(kata)), "kata", $"{kata}: {student.EarnedIn(kata)} of {report.PossibleIn(kata)} points"));
        }

        string commit = student.Commit.Length > 0 ? student.Commit : "none";
        row.Add(Cell(Number(student.Earned), Number(student.Earned), "total", $"{student.Earned} of {report.Possible} points"),
            new XElement("td", new XAttribute("class", "commit"), new XAttribute("data-sort", commit), new XAttribute("title", $"commit {commit} of {student.Source}"),
                new XElement("code", commit.Length > 12 ? commit[..12] : commit)),
            Cell(student.Status, student.Status, "status " + CssClass(student.Status), student.Note.Length > 0 ? student.Note : student.Status));
        return row;
    }

    private static XElement Header(string text, string title) => new("th", new XAttribute("title", title + " (click to sort)"), text);

    private static XElement Cell(string text, string sortKey, string cssClass, string title) =>
        new("td", new XAttribute("class", cssClass), new XAttribute("data-sort", sortKey), new XAttribute("title", title), text);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string CssClass(string status) => status.Replace(' ', '-');
}
