using System.ComponentModel;
using System.Diagnostics;
using Katas.Cli.Grading;
using Katas.Kits;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Katas.Cli.Commands;

/// <summary>
/// `./kata grade [--katas LIST] [--format markdown|json|junit] [--out FILE] [--ref REF]`: tests the learner's katas/ against the
/// committed tests, rubrics and build files of REF (default HEAD) in a scratch copy, and scores each task from tests/NN-name/rubric.json.
/// </summary>
public sealed class GradeCommand : Command<GradeCommand.Settings>
{
    /// <summary>The command line of `./kata grade`.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--katas <LIST>")]
        [Description("the katas to grade, comma-separated: 01,02 (default: every kata)")]
        public string? KataList { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description("markdown (default), json (exercism results.json v3) or junit")]
        public string Format { get; init; } = "markdown";

        [CommandOption("--out <FILE>")]
        [Description("write the report there instead of to the console")]
        public string? Out { get; init; }

        [CommandOption("--ref <REF>")]
        [Description("the commit, tag or branch whose tests, rubrics and build files are trusted (default: HEAD)")]
        public string Ref { get; init; } = "HEAD";

        /// <summary>The katas to grade.</summary>
        public IReadOnlyList<string> Katas => KataList is null
            ? KataRepository.Katas
            : KataList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(KataRepository.ResolveKata).Distinct().ToList();

        public override ValidationResult Validate()
        {
            if (!GradeFormats.Names.Contains(Format))
            {
                return ValidationResult.Error($"--format must be one of {string.Join(", ", GradeFormats.Names)}; got \"{Format}\".");
            }

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
        var clock = Stopwatch.StartNew();
        IReadOnlyList<string> katas = settings.Katas;
        using PristineCopy copy = PristineCopy.Create(settings.Ref, katas);
        Console.Error.WriteLine($"grade: testing katas/ of the working tree against the committed files of {copy.Reference} in {copy.Root}");
        var rubrics = katas.ToDictionary(kata => kata, kata =>
            Rubric.Read(copy.Root, kata, KataReadme.TasksIn(File.ReadAllText(Path.Combine(copy.Root, "katas", kata, "README.md")))));
        IReadOnlyList<KataRun> runs = GradeRun.InCopy(copy, katas);
        List<TaskGrade> grades = runs.SelectMany(run => GradeScoring.Score(rubrics[run.Kata], run.Result)).ToList();
        var report = new GradeReport(copy.Reference, copy.Ignored, grades, clock.Elapsed);

        // Every format goes to artifacts/grade/ (CI uploads artifacts/); the one asked for goes to --out or the console.
        string folder = Path.Combine(KataRepository.Artifacts, "grade");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "report.md"), GradeFormats.Markdown(report));
        File.WriteAllText(Path.Combine(folder, "results.json"), GradeFormats.Json(report));
        File.WriteAllText(Path.Combine(folder, "junit.xml"), GradeFormats.JUnit(report));
        string text = GradeFormats.Write(report, settings.Format);
        if (settings.Out is null)
        {
            Console.Write(text);
        }
        else
        {
            File.WriteAllText(settings.Out, text);
            AnsiConsole.MarkupLine($"Grade {report.Earned} / {report.Possible} points: {Markup.Escape(settings.Out)} (all formats in {Markup.Escape(KataRepository.Relative(folder))}/)");
        }

        return 0;
    }
}

/// <summary>The grading child process (started by `grade` inside its scratch copy): `grade-run KATAS OUTPUT`.</summary>
public sealed class GradeRunCommand : Command<GradeRunCommand.Settings>
{
    /// <summary>The child's command line.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<KATAS>")]
        public string Katas { get; init; } = "";

        [CommandArgument(1, "<OUTPUT>")]
        public string Output { get; init; } = "";
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        GradeRun.Child(settings.Katas.Split(','), settings.Output);
        return 0;
    }
}
