using System.ComponentModel;
using Katas.Cli.Grading;
using Katas.Conventions;
using Katas.Kits;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Katas.Cli.Commands;

/// <summary>
/// `./kata grade [--student REPO] [--commit REV] [--katas LIST] [--format markdown|json|junit] [--out FILE]`: grades a
/// student's commit with the course this tool is a checkout of: the course's tests, rubrics and tool at its HEAD commit;
/// only the student's kata sources (katas/NN-name/**/*.cs, as regular files) are taken from the student's repository.
/// </summary>
public sealed class GradeCommand(IAnsiConsole console) : Command<GradeCommand.Settings>
{
    /// <summary>The command line of `./kata grade`.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--student <REPO>")]
        [Description("the student's git repository: a path or an address (default: this repository)")]
        public string Student { get; init; } = ".";

        [CommandOption("--commit <REV>")]
        [Description("the student's commit to grade: a full id, a branch, a tag (default: HEAD)")]
        public string Commit { get; init; } = "HEAD";

        [CommandOption("--katas <LIST>")]
        [Description("the katas to grade, comma-separated: 01,02 (default: every kata)")]
        public string? KataList { get; init; }

        [OneOf(typeof(GradeFormat))]
        [CommandOption("--format <FORMAT>")]
        [Description("markdown (default), json (exercism results.json v3 with points) or junit")]
        public string Format { get; init; } = "markdown";

        /// <summary>The report format --format names.</summary>
        public GradeFormat FormatKind => Choice.Parse<GradeFormat>(Format);

        [CommandOption("--out <FILE>")]
        [Description("write the report there instead of to the console")]
        public string? Out { get; init; }

        /// <summary>The katas to grade.</summary>
        public IReadOnlyList<string> Katas => KataList is null
            ? KataRepository.Katas
            : KataList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(KataRepository.ResolveKata).Distinct().ToList();

        public override ValidationResult Validate()
        {
            if (KataList is { } list && list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length == 0)
            {
                return ValidationResult.Error("--katas needs at least one kata, e.g. --katas 01,02.");
            }

            try
            {
                _ = Katas;
                return ValidationResult.Success();
            }
            catch (UsageException e)
            {
                return ValidationResult.Error(e.Message);
            }
        }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> katas = settings.Katas;
        using var scratchFolder = new TemporaryFolder("katas-grade-");
        string scratch = scratchFolder.FullName;
        var course = CourseCommit.Of(KataRepository.Root);
        using StudentRepository student = StudentRepository.Open(settings.Student, scratch);
        StudentSubmission submission = StudentSubmission.Read(student.Source, student.GitFolder, settings.Commit, katas, course.Files, Path.Combine(scratch, "student"));
        Console.Error.WriteLine($"grade: commit {submission.Commit} of {student.Source}, with the course at {course.Commit}" + (course.Clean ? "" : " (with uncommitted changes)"));
        string folder = Path.Combine(KataRepository.Artifacts, "grade");
        GradingBundle bundle = GradingBundle.Build(console, course.Root, course.Commit, katas, Path.Combine(folder, "bundle"));
        GradeReport report = GradeRun.Grade(console, bundle, course, submission, katas, Path.Combine(folder, "figures"));
        GradeFiles.Write(report, folder);
        string text = GradeFormats.Write(report, settings.FormatKind);
        if (settings.Out is null)
        {
            console.WriteRaw(text);
        }
        else
        {
            File.WriteAllText(settings.Out, text);
            console.MarkupLine($"Grade {report.Earned} / {report.Possible} points: {Markup.Escape(settings.Out)} (all formats in {Markup.Escape(KataRepository.Relative(folder))}/)");
        }

        return 0;
    }
}
