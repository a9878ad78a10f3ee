using System.ComponentModel;
using System.Diagnostics;
using Katas.Cli.Grading;
using Katas.Cli.Grading.Class;
using Katas.Kits;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Katas.Cli.Commands;

/// <summary>
/// `./kata grade-class ROSTER [--katas LIST] [--out DIR] [--shard K/N] [--merge DIR]...`: grades every student of a roster with
/// the course this tool is a checkout of (the bundle is built once), writes each student's reports to DIR/students/&lt;name&gt;/ and
/// the class report to DIR/class.{md,html,csv}. A CI matrix runs one --shard per job and a last job --merges their folders.
/// </summary>
public sealed class GradeClassCommand(IAnsiConsole console) : Command<GradeClassCommand.Settings>
{
    /// <summary>The command line of `./kata grade-class`.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[ROSTER]")]
        [Description("a CSV file with the header name,repository,deadline (deadline optional, ISO 8601 such as 2026-12-01T23:59:00Z; empty: the tip of HEAD)")]
        public string? Roster { get; init; }

        [CommandOption("--katas <LIST>")]
        [Description("the katas to grade, comma-separated: 01,02 (default: every kata)")]
        public string? KataList { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("where the reports go: DIR/students/<name>/ and DIR/class.md, class.html, class.csv (default: artifacts/class)")]
        public string? Out { get; init; }

        [CommandOption("--shard <K/N>")]
        [Description("grade only the roster's students whose 0-based index modulo N is K-1, and write only DIR/students/")]
        public string? ShardText { get; init; }

        [CommandOption("--merge <DIR>")]
        [Description("grade nobody: read DIR/students/*/results.json of each --merge folder (shards' --out) and write the class report; repeatable")]
        public string[] Merge { get; init; } = [];

        /// <summary>The katas to grade.</summary>
        public IReadOnlyList<string> Katas => KataList is null
            ? KataRepository.Katas
            : KataList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(KataRepository.ResolveKata).Distinct().ToList();

        /// <summary>The folder the reports go to.</summary>
        public string OutFolder => Out is null ? Path.Combine(KataRepository.Artifacts, "class") : Path.GetFullPath(Out);

        /// <summary>The part of the roster to grade, or null for all of it.</summary>
        internal Shard? Shard => ShardText is null ? null : Grading.Class.Shard.Parse(ShardText);

        public override ValidationResult Validate()
        {
            if (Merge.Length > 0 && (ShardText is not null || KataList is not null))
            {
                return ValidationResult.Error("--merge only reads graded shards: it doesn't go with --shard or --katas.");
            }

            if (KataList is { } list && list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length == 0)
            {
                return ValidationResult.Error("--katas needs at least one kata, e.g. --katas 01,02.");
            }

            try
            {
                _ = Katas;
                _ = Shard;
            }
            catch (UsageException e)
            {
                return ValidationResult.Error(e.Message);
            }

            return Merge.Length == 0 && Roster is null
                ? ValidationResult.Error("grade-class needs a ROSTER (a CSV file with the header name,repository,deadline), or --merge DIR to put shards together.")
                : ValidationResult.Success();
        }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        string folder = settings.OutFolder;
        IReadOnlyList<RosterEntry>? roster = settings.Roster is null ? null : Roster.Read(settings.Roster);
        if (settings.Merge.Length > 0)
        {
            ClassReport merged = ClassReport.Merge(settings.Merge);
            CheckEveryoneIsThere(merged, roster, settings.Roster);
            ClassFiles.Write(merged, folder);
            console.MarkupLine($"Merged {merged.Students.Count} students from {settings.Merge.Length} folders: {Markup.Escape(Path.Combine(folder, "class.md"))}, class.html, class.csv");
            return 0;
        }

        IReadOnlyList<RosterEntry> students = settings.Shard?.Of(roster!) ?? roster!;
        IReadOnlyList<string> katas = settings.Katas;
        var course = CourseCommit.Of(KataRepository.Root);
        string work = Path.Combine(KataRepository.Artifacts, "grade-class");
        console.MarkupLine($"grade-class: {students.Count} of {roster!.Count} students" + (settings.Shard is { } shard ? $" (shard {shard.Number}/{shard.Count})" : "") +
            $", katas {string.Join(", ", katas)}, with the course at {course.Commit}" + (course.Clean ? "" : " [red](with uncommitted changes)[/]"));
        GradingBundle bundle = GradingBundle.Build(console, course.Root, course.Commit, katas, Path.Combine(work, "bundle"));
        TimeSpan built = clock.Elapsed;
        IReadOnlyList<ClassStudent> graded = new ClassGrading(console, course, bundle, katas, work).Run(students, folder);
        if (settings.Shard is null)
        {
            ClassFiles.Write(ClassReport.Of(graded), folder);
        }

        PrintTimes(graded, built, clock.Elapsed, folder, settings.Shard is null);
        return 0;
    }

    /// <summary>With a roster beside --merge, a student the shards left out is an error, not a silent gap in the gradebook.</summary>
    private static void CheckEveryoneIsThere(ClassReport merged, IReadOnlyList<RosterEntry>? roster, string? rosterPath)
    {
        List<string> missing = roster is null ? [] : [.. roster.Select(entry => entry.Name).Except(merged.Students.Select(student => student.Name), StringComparer.OrdinalIgnoreCase)];
        if (missing.Count > 0)
        {
            throw new UsageException($"--merge: {string.Join(", ", missing)} of {rosterPath} are in none of the merged folders (did a shard fail?).");
        }
    }

    private void PrintTimes(IReadOnlyList<ClassStudent> graded, TimeSpan built, TimeSpan total, string folder, bool classReport)
    {
        console.WriteLine();
        console.WriteLine("Time per student:");
        foreach (ClassStudent student in graded)
        {
            console.WriteLine($"  {student.Name,-24} {StudentResults.Seconds(student.Elapsed),8}  {student.Earned} / {student.Possible}  {student.Status}");
        }

        double average = graded.Count == 0 ? 0 : graded.Average(student => student.Elapsed.TotalSeconds);
        console.WriteLine($"Total {StudentResults.Seconds(total)}: the course's bundle built in {StudentResults.Seconds(built)}, then {graded.Count} students " +
            $"at {StudentResults.Seconds(TimeSpan.FromSeconds(average))} each on average.");
        console.WriteLine(classReport
            ? $"Class report: {Path.Combine(folder, "class.md")}, class.html, class.csv; each student's in {Path.Combine(folder, "students")}/<name>/"
            : $"Students' reports: {Path.Combine(folder, "students")}/<name>/ (merge the shards with --merge for the class report)");
    }
}
