using System.Xml.Linq;
using FluentAssertions;
using Katas.Cli.Grading;

namespace Katas.Cli.Tests.Grading;

/// <summary>grade's JUnit XML counts what it contains: a CI server's test view reads the totals, not the test cases.</summary>
[Parallelizable(ParallelScope.Self)]
public sealed class GradeJUnitTests
{
    [Test]
    public void Every_suite_and_the_whole_file_count_the_test_cases_they_hold_a_task_that_did_not_build_and_the_evidence_included()
    {
        var evidence = new GradeEvidence("/srv/carol", new string('a', 40), new string('b', 40), CourseClean: true,
            Refused: [new SetAside("katas/01-linreg/Loss.cs", "a symbolic link, not a file")], Ignored: [], Forbidden: []);
        var notBuilt = new TaskGrade("01-linreg", 1, Points: 2, Earned: 0, Status: "not built", Reason: "type Loss was removed or renamed", Tests: []);
        var report = new GradeReport(evidence, [notBuilt], TimeSpan.FromSeconds(1));

        XElement suites = XDocument.Parse(GradeFormats.JUnit(report)).Root!;

        foreach (XElement element in suites.Elements("testsuite").Prepend(suites))
        {
            List<XElement> cases = element.Name == "testsuites" ? [.. element.Elements("testsuite").Elements("testcase")] : [.. element.Elements("testcase")];
            ((int)element.Attribute("tests")!, (int)element.Attribute("failures")!, (int)element.Attribute("errors")!).Should().Be(
                (cases.Count, cases.Count(c => c.Element("failure") is not null), cases.Count(c => c.Element("error") is not null)),
                $"{element.Attribute("name")!.Value} holds {cases.Count} test case(s)");
        }

        ((int)suites.Attribute("tests")!).Should().Be(2, "the refused file and the task that did not build");
    }
}
