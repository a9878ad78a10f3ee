using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;

using Katas.Runner.Outcomes;

namespace Katas.Cli.Grading;

/// <summary>The grade report as Markdown (for people and $GITHUB_STEP_SUMMARY), JSON (exercism's results.json, version 3) or JUnit XML.</summary>
internal static class GradeFormats
{
    /// <summary>Task statuses of code that never ran: exercism's "error" (grade-class adds the students it could not reach).</summary>
    private static readonly string[] Unrun = ["not built", "unreachable", "no commit before the deadline", "not graded"];

    /// <summary>The report in <paramref name="format"/>.</summary>
    public static string Write(GradeReport report, GradeFormat format) => format switch
    {
        GradeFormat.Markdown => Markdown(report),
        GradeFormat.Json => Json(report),
        GradeFormat.Junit => JUnit(report),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not a report format"),
    };

    /// <summary>A summary line, a note on what came from where, and a table of tasks.</summary>
    public static string Markdown(GradeReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Katas grade: {report.Earned} / {report.Possible} points");
        text.AppendLine();
        GradeEvidence evidence = report.Evidence;
        string clean = evidence.CourseClean ? "" : " **with uncommitted changes**";
        text.AppendLine(CultureInfo.InvariantCulture, $"Student commit `{evidence.StudentCommit}` of `{evidence.StudentSource}`, graded by the course at commit `{evidence.CourseCommit}`{clean}: its tests, snapshots, rubrics and tool.");
        text.AppendLine("Only the student's `katas/NN-name/**/*.cs` were used, as regular files. A task earns its points when all its tests pass.");
        List("Refused", "not graded", evidence.Refused.Select(item => $"`{item.Path}`: {item.Why}"), text);
        List("Forbidden APIs", "the kata scores 0", evidence.Forbidden.Select(use => $"`{use.Kata}/{use.File}:{use.Line}`: {use.Message}"), text);
        List("Ignored", "they differ from the course's; the course's were used", evidence.Ignored.Select(item => $"`{item.Path}`: {item.Why}"), text);
        text.AppendLine();
        text.AppendLine("| kata | task | points | result | first problem |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (TaskGrade task in report.Tasks)
        {
            string result = task.Status == "passed" ? $"passed ({task.Tests.Count} tests)" : $"**{task.Status}** ({task.Tests.Count(test => !test.Passed)} of {task.Tests.Count} failed)";
            text.AppendLine(CultureInfo.InvariantCulture, $"| {task.Kata} | {task.Task} | {task.Earned} / {task.Points} | {result} | {Cell(task.Reason)} |");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Graded in {report.Elapsed.TotalSeconds:0} s.");
        return text.ToString();
    }

    private static void List(string title, string meaning, IEnumerable<string> items, StringBuilder text)
    {
        List<string> all = items.ToList();
        if (all.Count == 0)
        {
            return;
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"**{title}** ({meaning}):");
        foreach (string item in all.Take(50))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {item.Replace("\n", " ", StringComparison.Ordinal)}");
        }

        if (all.Count > 50)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- ... and {all.Count - 50} more (results.json lists them all)");
        }
    }

    /// <summary>
    /// exercism's results.json, version 3 (https://exercism.org/docs/building/tooling/test-runners/interface): status, message,
    /// tests with name, status, message and task_id. Added: "points" and "max_points", and "tasks" with each task's kata, task,
    /// points, earned, status and reason (consumers of version 3 ignore unknown keys; grade-class --merge rebuilds a class from them).
    /// </summary>
    public static string Json(GradeReport report)
    {
        bool error = report.Tasks.Any(task => Unrun.Contains(task.Status));
        var tests = new JsonArray();
        foreach (TaskGrade task in report.Tasks)
        {
            if (task.Tests.Count == 0)
            {
                tests.Add(new JsonObject
                {
                    ["name"] = $"{task.Kata} task {task.Task}",
                    ["status"] = "error",
                    ["message"] = task.Reason,
                    ["task_id"] = task.Task,
                });
            }

            foreach (TestOutcome test in task.Tests)
            {
                tests.Add(new JsonObject
                {
                    ["name"] = $"{task.Kata}: {ShortClass(test.ClassName)}.{test.Name}",
                    ["status"] = test.Passed ? "pass" : test.Crashed ? "error" : "fail",
                    ["message"] = test.Passed ? null : test.Message,
                    ["task_id"] = task.Task,
                });
            }
        }

        var root = new JsonObject
        {
            ["version"] = 3,
            ["status"] = error ? "error" : report.Tasks.All(task => task.Status == "passed") ? "pass" : "fail",
            ["message"] = error ? string.Join("\n", report.Tasks.Where(task => Unrun.Contains(task.Status)).Select(task => $"{task.Kata}: {task.Reason}").Distinct()) : null,
            ["points"] = report.Earned,
            ["max_points"] = report.Possible,
            ["student"] = new JsonObject { ["source"] = report.Evidence.StudentSource, ["commit"] = report.Evidence.StudentCommit },
            ["course"] = new JsonObject { ["commit"] = report.Evidence.CourseCommit, ["clean"] = report.Evidence.CourseClean },
            ["refused"] = new JsonArray([.. report.Evidence.Refused.Select(item => (JsonNode)new JsonObject { ["path"] = item.Path, ["why"] = item.Why })]),
            ["forbidden"] = new JsonArray([.. report.Evidence.Forbidden.Select(use => (JsonNode)new JsonObject
            {
                ["kata"] = use.Kata, ["file"] = use.File, ["line"] = use.Line, ["message"] = use.Message,
            })]),
            ["ignored"] = new JsonArray([.. report.Evidence.Ignored.Select(item => (JsonNode)new JsonObject { ["path"] = item.Path, ["why"] = item.Why })]),
            ["tasks"] = new JsonArray([.. report.Tasks.Select(task => (JsonNode)new JsonObject
            {
                ["kata"] = task.Kata, ["task"] = task.Task, ["points"] = task.Points, ["earned"] = task.Earned, ["status"] = task.Status, ["reason"] = task.Reason,
            })]),
            ["tests"] = tests,
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary>
    /// JUnit XML, one testsuite per kata task (its name carries the points). Written here with System.Xml.Linq: JunitXml.TestLogger
    /// writes one file per `dotnet test` run without the tasks' points, so grade builds the file from the same results as the other formats.
    /// </summary>
    public static string JUnit(GradeReport report)
    {
        var suites = new XElement("testsuites", new XAttribute("name", $"katas grade: {report.Earned} / {report.Possible} points"));
        suites.Add(Evidence(report.Evidence));
        foreach (TaskGrade task in report.Tasks)
        {
            var suite = new XElement("testsuite", new XAttribute("name", $"{task.Kata} task {task.Task}: {task.Earned} / {task.Points} points ({task.Status})"));
            if (task.Tests.Count == 0)
            {
                suite.Add(new XElement("testcase", new XAttribute("classname", task.Kata), new XAttribute("name", $"task {task.Task}"),
                    new XElement("error", new XAttribute("message", task.Reason))));
            }

            foreach (TestOutcome test in task.Tests)
            {
                var testCase = new XElement("testcase", new XAttribute("classname", test.ClassName), new XAttribute("name", test.Name));
                if (!test.Passed)
                {
                    testCase.Add(new XElement(test.Crashed ? "error" : "failure", new XAttribute("message", Cell(test.Message)), test.Message));
                }

                suite.Add(testCase);
            }

            suites.Add(Counted(suite, suite.Elements("testcase")));
        }

        // The totals are those of the test cases written, the evidence's and a not-built task's included.
        return new XDocument(new XDeclaration("1.0", "utf-8", null), Counted(suites, suites.Elements("testsuite").Elements("testcase"))).ToString() + "\n";
    }

    /// <summary><paramref name="element"/> with its tests, failures and errors counted from <paramref name="cases"/>, after its name.</summary>
    private static XElement Counted(XElement element, IEnumerable<XElement> cases)
    {
        List<XElement> all = [.. cases];
        element.ReplaceAttributes(
            new XAttribute(element.Attribute("name")!),
            new XAttribute("tests", all.Count),
            new XAttribute("failures", all.Count(testCase => testCase.Element("failure") is not null)),
            new XAttribute("errors", all.Count(testCase => testCase.Element("error") is not null)));
        return element;
    }

    /// <summary>
    /// The evidence as a test suite of its own: its properties name the commits, and each refused file and forbidden API is a
    /// failed test case, so a CI server's test view shows them.
    /// </summary>
    private static XElement Evidence(GradeEvidence evidence)
    {
        var properties = new XElement("properties",
            Property("student_source", evidence.StudentSource), Property("student_commit", evidence.StudentCommit),
            Property("course_commit", evidence.CourseCommit), Property("course_clean", evidence.CourseClean ? "true" : "false"));
        foreach (SetAside ignored in evidence.Ignored)
        {
            properties.Add(Property("ignored", $"{ignored.Path}: {ignored.Why}"));
        }

        var suite = new XElement("testsuite", new XAttribute("name", "evidence: student and course commits, refused and ignored files, forbidden APIs"), properties);
        foreach (SetAside refused in evidence.Refused)
        {
            suite.Add(new XElement("testcase", new XAttribute("classname", "refused"), new XAttribute("name", refused.Path),
                new XElement("failure", new XAttribute("message", refused.Why), refused.Why)));
        }

        foreach (ForbiddenUse use in evidence.Forbidden)
        {
            suite.Add(new XElement("testcase", new XAttribute("classname", "forbidden"), new XAttribute("name", $"{use.Kata}/{use.File}:{use.Line}"),
                new XElement("failure", new XAttribute("message", Cell(use.Message)), use.Message)));
        }

        return Counted(suite, suite.Elements("testcase"));
    }

    private static XElement Property(string name, string value) => new("property", new XAttribute("name", name), new XAttribute("value", value));

    private static string ShortClass(string className) => className.Split('.')[^1];

    private static string Cell(string text)
    {
        string line = text.Split('\n')[0].Trim().Replace("|", "\\|", StringComparison.Ordinal);
        return line.Length <= 160 ? line : line[..157] + "...";
    }
}
