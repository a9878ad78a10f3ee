using System.Xml.Linq;
using FluentAssertions;
using Katas.Cli.Grading;
using Katas.Cli.Grading.Class;
using Katas.Conventions;

namespace Katas.Cli.Tests.Grading;

/// <summary>The class report (class.md, class.csv, class.html) from hand-built grades, and --merge of shards' folders.</summary>
[Parallelizable(ParallelScope.Self)]
public sealed class ClassReportTests
{
    private const string Course = "c0ffee0000000000000000000000000000000001";

    private static readonly RosterEntry[] Roster =
    [
        new(0, 2, "ada", "/srv/ada", null),
        new(1, 3, "bob", "/srv/bob", null),
        new(2, 4, "cy", "/srv/cy", null),
        new(3, 5, "dee", "/srv/nowhere", null),
    ];

    private static GradeReport Report(string source, string commit, params (string Kata, int Task, int Points, string Status, string Reason)[] tasks) =>
        new(new GradeEvidence(source, commit, Course, true, [], [], []),
            [.. tasks.Select(task => new TaskGrade(task.Kata, task.Task, task.Points, task.Status == "passed" ? task.Points : 0, task.Status, task.Reason, []))],
            TimeSpan.FromSeconds(3));

    private static (ClassStudent Row, GradeReport Report)[] Class()
    {
        GradeReport ada = Report("/srv/ada", new string('a', 40), ("01-linreg", 1, 2, "passed", ""), ("01-linreg", 2, 3, "passed", ""), ("02-spread", 1, 4, "passed", ""));
        GradeReport bob = Report("/srv/bob", new string('b', 40), ("01-linreg", 1, 2, "passed", ""), ("01-linreg", 2, 3, "failed", "Slope_is_right: expected 2 but was 3 & <more>"),
            ("02-spread", 1, 4, "not built", "02-spread/Angles.cs(3,1): error CS1002: ; expected"));
        GradeReport cy = Report("/srv/cy", new string('c', 40), ("01-linreg", 1, 2, "hung", "Loop: did not finish within 20 seconds"), ("01-linreg", 2, 3, "passed", ""),
            ("02-spread", 1, 4, "failed", "Angles: \"quoted\", with a comma"));
        GradeReport dee = Report("/srv/nowhere", "", ("01-linreg", 1, 2, "unreachable", "no such repository"), ("01-linreg", 2, 3, "unreachable", "no such repository"),
            ("02-spread", 1, 4, "unreachable", "no such repository"));
        return
        [
            (ClassStudent.Of(Roster[0], ClassStudent.Graded, "", ada, TimeSpan.FromSeconds(4.2)), ada),
            (ClassStudent.Of(Roster[1], ClassStudent.Graded, "", bob, TimeSpan.FromSeconds(5.1)), bob),
            (ClassStudent.Of(Roster[2], ClassStudent.Graded, "", cy, TimeSpan.FromSeconds(6.3)), cy),
            (ClassStudent.Of(Roster[3], ClassStudent.Unreachable, "no such repository", dee, TimeSpan.FromSeconds(0.1)), dee),
        ];
    }

    private static ClassReport Full => ClassReport.Of(Class().Select(student => student.Row));

    [Test]
    public void The_markdown_has_a_row_per_student_with_points_per_kata_total_and_why_one_was_not_graded()
    {
        string markdown = ClassMarkdown.Write(Full);

        markdown.Should().Contain("| student | 01-linreg (/5) | 02-spread (/4) | total | commit | status |");
        markdown.Should().Contain("| ada | 5 | 4 | 9 / 9 | `aaaaaaaaaaaa` | graded |");
        markdown.Should().Contain("| bob | 2 | 0 | 2 / 9 |");
        markdown.Should().Contain("| cy | 3 | 0 | 3 / 9 |");
        markdown.Should().Contain("| dee | 0 | 0 | 0 / 9 | - | **unreachable**: no such repository |");
        markdown.Should().Contain(Course);
    }

    [Test]
    public void A_graded_student_whose_commit_had_a_file_or_an_api_refused_is_marked_in_the_class_files()
    {
        var evidence = new GradeEvidence("/srv/eve", new string('e', 40), Course, true, [new SetAside("katas/01-linreg/Loss.cs", "a symbolic link, not a file")], [],
            [new ForbiddenUse("01-linreg", "Gradients.cs", 12, "`File` reaches outside the kata")]);
        var eve = new GradeReport(evidence, [new TaskGrade("01-linreg", 1, 2, 0, "not built", "type Loss was removed or renamed", [])], TimeSpan.FromSeconds(2));
        string note = ClassStudent.RefusalsIn(evidence);

        string markdown = ClassMarkdown.Write(ClassReport.Of([ClassStudent.Of(new RosterEntry(0, 2, "eve", "/srv/eve", null), ClassStudent.Graded, note, eve, TimeSpan.FromSeconds(2))]));

        note.Should().Be("refused katas/01-linreg/Loss.cs: a symbolic link, not a file; forbidden API in 01-linreg/Gradients.cs, line 12");
        markdown.Should().Contain($"| eve | 0 | 0 / 2 | `eeeeeeeeeeee` | **graded**: {note} |");
        ClassStudent.RefusalsIn(new GradeEvidence("/srv/ada", new string('a', 40), Course, true, [], [], [])).Should().BeEmpty();
    }

    [Test]
    public void The_csv_is_a_gradebook_import_a_header_then_one_row_per_student_with_plain_numbers()
    {
        string[] lines = ClassCsv.Write(Full).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        lines.Should().Equal(
            "name,01-linreg,02-spread,total,max,commit,status",
            $"ada,5,4,9,9,{new string('a', 40)},graded",
            $"bob,2,0,2,9,{new string('b', 40)},graded",
            $"cy,3,0,3,9,{new string('c', 40)},graded",
            "dee,0,0,0,9,,unreachable");
    }

    [Test]
    public void The_page_is_one_self_contained_table_a_row_per_student_a_cell_per_task_with_its_first_problem_as_a_tooltip()
    {
        string html = ClassHtml.Write(Full);

        html.Should().StartWith("<!DOCTYPE html>");
        XElement page = XElement.Parse(html["<!DOCTYPE html>".Length..]);
        List<XElement> rows = [.. page.Descendants("tbody").Single().Elements("tr")];
        rows.Select(row => (string)row.Elements("td").First()).Should().Equal("ada", "bob", "cy", "dee");
        page.Descendants("thead").Single().Descendants("th").Select(header => (string)header).Should().Equal(
            "student", "01 t1", "01 t2", "01-linreg (/5)", "02 t1", "02-spread (/4)", "total (/9)", "commit", "status");
        XElement bobTask2 = rows[1].Elements("td").ElementAt(2);
        ((string)bobTask2).Should().Be("0/3");
        ((string?)bobTask2.Attribute("title")).Should().Be("Slope_is_right: expected 2 but was 3 & <more>", "the tooltip is the task's first problem");
        ((string?)rows[2].Elements("td").ElementAt(4).Attribute("title")).Should().Be("Angles: \"quoted\", with a comma");
        ((string)rows[0].Elements("td").ElementAt(6)).Should().Be("9");
        rows[0].Descendants("code").Single().Value.Should().Be("aaaaaaaaaaaa", "the student's commit is named");
        ((string?)rows[0].Elements("td").Single(cell => (string?)cell.Attribute("class") == "commit").Attribute("title")).Should().Contain(new string('a', 40));
        page.Descendants("p").First().Value.Should().Contain(Course, "the course commit is named");

        page.Descendants("script").Single().Value.Should().Contain("addEventListener('click'").And.Contain("sort(");
        page.Descendants().Should().NotContain(element => element.Attribute("src") != null || element.Name == "link", "the page loads nothing");
        html.Should().NotContain("http://").And.NotContain("https://");
    }

    [Test]
    public void The_sort_script_has_no_character_that_the_page_would_escape()
    {
        // The page is written as XML: a '<', '>' or '&' in the script would be escaped, and browsers do not unescape a script.
        ClassHtml.SortScript.Should().NotContainAny("<", ">", "&");
    }

    [Test]
    public void Merging_two_shard_folders_gives_the_report_of_the_whole_class()
    {
        using var folder = new TemporaryFolder("katas-class");
        string root = folder.FullName;
        foreach ((ClassStudent row, GradeReport report) in Class())
        {
            string shard = Shard.Parse("1/2").Takes(row.Index) ? "shard1" : "shard2";
            StudentResults.Write(row, report, Path.Combine(root, shard));
        }

        Directory.GetDirectories(Path.Combine(root, "shard1", "students")).Select(Path.GetFileName).Should().BeEquivalentTo("ada", "cy");
        File.Exists(Path.Combine(root, "shard2", "students", "dee", "junit.xml")).Should().BeTrue();

        ClassReport merged = ClassReport.Merge([Path.Combine(root, "shard2"), Path.Combine(root, "shard1")]);

        merged.Students.Select(student => (student.Name, student.Status, student.Earned, student.Possible, student.Commit, student.Source)).Should().Equal(
            Full.Students.Select(student => (student.Name, student.Status, student.Earned, student.Possible, student.Commit, student.Source)));
        merged.Students.SelectMany(student => student.Tasks).Should().Equal(Full.Students.SelectMany(student => student.Tasks));
        ClassCsv.Write(merged).Should().Be(ClassCsv.Write(Full));
        ClassMarkdown.Write(merged).Should().Be(ClassMarkdown.Write(Full));
        ClassHtml.Write(merged).Should().Be(ClassHtml.Write(Full));
        merged.Students[3].Note.Should().Be("no such repository");
    }

    [Test]
    public void A_student_in_two_merged_folders_is_an_error()
    {
        using var folder = new TemporaryFolder("katas-class");
        string root = folder.FullName;
        (ClassStudent row, GradeReport report) = Class()[0];
        StudentResults.Write(row, report, Path.Combine(root, "a"));
        StudentResults.Write(row, report, Path.Combine(root, "b"));

        Action merge = () => ClassReport.Merge([Path.Combine(root, "a"), Path.Combine(root, "b")]);

        merge.Should().Throw<Katas.Kits.UsageException>().Which.Message.Should().Contain("ada is graded in both");
    }
}
