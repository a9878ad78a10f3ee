using System.Diagnostics;
using Katas.Cli.Running;
using Katas.Kits;
using Katas.Runner.Outcomes;
using Katas.Runner.Protocol;
using Katas.Runner.Supervision;
using Spectre.Console;

namespace Katas.Cli.Grading;

/// <summary>
/// Grades a student's commit with the course this tool belongs to. The student's kata sources run in a worker process
/// beside the course's tests (<see cref="GradingBundle"/>); this process, which runs no student code, records the verdict
/// from the worker's keyed reports as they come, and refuses a run whose tests are not the course's: every test the
/// course has must be reported, with its outcome, or it counts as failed.
/// </summary>
internal static class GradeRun
{
    /// <summary>Grades <paramref name="submission"/> of <paramref name="katas"/> with <paramref name="bundle"/>.</summary>
    public static GradeReport Grade(IAnsiConsole console, GradingBundle bundle, CourseCommit course, StudentSubmission submission, IReadOnlyList<string> katas, string artifacts)
    {
        var clock = Stopwatch.StartNew();
        var grades = new List<TaskGrade>();
        var forbidden = new List<ForbiddenUse>();
        foreach (string kata in katas)
        {
            Rubric rubric = bundle.Rubric(kata);
            using var runner = new WarmRunner(bundle.StartFor(kata, submission.Folder), keepStandby: false);
            var quiet = new QuietObserver();
            IReadOnlyList<TestCase> expected = runner.Run(new RunRequest(bundle.Api(kata), "course", [], [], DiscoverOnly: true, SnapshotFolder: bundle.Snapshots(kata),
                ArtifactsFolder: artifacts), quiet).Discovered;
            var board = new LiveBoard(console, kata, "other", artifacts: artifacts);
            KataRunResult result = KataCheck.Run(console, runner, new RunRequest(Path.Combine(submission.Folder, "katas", kata), "submission", [], [],
                SnapshotFolder: bundle.Snapshots(kata), ArtifactsFolder: artifacts), board);
            board.Finish(result);
            result = OnlyWhatWasSeen(console, result, expected);
            forbidden.AddRange(result.Diagnostics.Where(message => message.Id == "KATA001").Select(message => new ForbiddenUse(kata, message.File, message.Line, message.Message)));
            grades.AddRange(GradeScoring.Score(rubric, result));
        }

        var evidence = new GradeEvidence(submission.Source, submission.Commit, course.Commit, course.Clean, submission.Refused, submission.Ignored, forbidden);
        return new GradeReport(evidence, grades, clock.Elapsed);
    }

    /// <summary>
    /// The result as far as the course's tests were seen to run: a test of the course that the run did not report fails
    /// ("not reported"), and a run whose tests are not the course's is refused.
    /// </summary>
    private static KataRunResult OnlyWhatWasSeen(IAnsiConsole console, KataRunResult result, IReadOnlyList<TestCase> expected)
    {
        if (!result.Built)
        {
            return result;
        }

        var seen = result.Outcomes.ToDictionary(outcome => outcome.FullName, StringComparer.Ordinal);
        var extra = seen.Keys.Except(expected.Select(test => test.FullName), StringComparer.Ordinal).ToList();
        List<TestOutcome> outcomes = expected.Select(test => seen.TryGetValue(test.FullName, out TestOutcome? outcome) ? outcome
            : TestOutcome.Of(test, OutcomeKind.NotRun,
                "Not reported: the grading run never reported this test of the course, so it counts as failed.")).ToList();
        if (extra.Count > 0)
        {
            console.MarkupLine($"[red]{result.Kata}: the run reported tests the course does not have ({Markup.Escape(string.Join(", ", extra.Take(3)))}); they are not counted.[/]");
        }

        return result with { Outcomes = outcomes };
    }
}
