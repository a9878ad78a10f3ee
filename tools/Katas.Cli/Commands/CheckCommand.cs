using System.ComponentModel;
using System.Globalization;
using Katas.Figures;
using Katas.Kits;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Katas.Cli.Commands;

/// <summary>`katas check [NN] [--task N] [--source DIR]`: runs the tests against the learner's code and shows a board.</summary>
public sealed class CheckCommand : Command<CheckCommand.Settings>
{
    /// <summary>The command line of `katas check`.</summary>
    public sealed class Settings : KataSettings
    {
        [CommandOption("--task <N>")]
        [Description("only this task's tests (needs a kata)")]
        public int? Task { get; init; }

        [CommandOption("--source <DIR>")]
        [Description("test the katas in DIR (laid out like katas/) instead of katas/")]
        public string? Source { get; init; }

        public override ValidationResult Validate()
        {
            ValidationResult kata = base.Validate();
            if (!kata.Successful || Task is null)
            {
                return kata;
            }

            if (Kata is null)
            {
                return ValidationResult.Error("--task needs a kata: e.g. check 01 --task 3.");
            }

            IReadOnlyList<int> tasks = KataReadme.Tasks(Katas[0]);
            return tasks.Contains(Task.Value)
                ? ValidationResult.Success()
                : ValidationResult.Error($"{Katas[0]} has no task {Task}; its tasks are {string.Join(", ", tasks)} (see katas/{Katas[0]}/README.md).");
        }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        bool allPassed = true;
        foreach (string kata in settings.Katas)
        {
            string? filter = settings.Task is int task ? "TestCategory=" + KataCategories.Task(kata, task) : null;
            string source = settings.Source is null ? "katas" : CopyIntoRepository(settings.Source, kata);
            TestRunResult result = RunWithProgress(kata, source, settings.Source is null ? "katas" : "submission", filter);
            bool passed = Board.Show(kata, result, ArtifactFolders.Who(settings.Source is null ? "katas" : "submission"), source);
            allPassed &= passed;
            if (passed && settings.Task is null && settings.Kata is not null)
            {
                string? next = KataRepository.Katas.SkipWhile(other => other != kata).Skip(1).FirstOrDefault();
                AnsiConsole.MarkupLine(next is null
                    ? $"[green]{kata} is all green[/], and it is the last kata: well done."
                    : $"[green]{kata} is all green.[/] Next: katas/{next}/README.md, then ./kata check {next[..2]}");
            }
        }

        return allPassed ? 0 : 1;
    }

    /// <summary>Builds and tests, showing how far the tests are (a spinner on a terminal, a line every few seconds in a log).</summary>
    internal static TestRunResult RunWithProgress(string kata, string source, string buildTag, string? filter)
    {
        string building = $"{kata}: building your code...";
        if (!AnsiConsole.Profile.Capabilities.Interactive || Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 })
        {
            Console.WriteLine(building);
            DateTime lastLine = DateTime.UtcNow;
            return TestRun.Run(kata, source, buildTag, filter, animate: true, progress: report =>
            {
                if (report.Running is not null && DateTime.UtcNow - lastLine > TimeSpan.FromSeconds(5))
                {
                    lastLine = DateTime.UtcNow;
                    string line = $"{kata}: {report.Done} tests done, running {Short(report.Running)}";
                    Console.WriteLine(line.Length <= 100 ? line : line[..97] + "...");
                }
            });
        }

        TestRunResult? result = null;
        AnsiConsole.Status().Start(Markup.Escape(building), context =>
            result = TestRun.Run(kata, source, buildTag, filter, animate: true, progress: report =>
            {
                if (report.Running is not null)
                {
                    context.Status(Markup.Escape($"{kata}: {report.Done} tests done, running {Short(report.Running)}"));
                }
            }));
        return result!;
    }

    private static string Short(string test)
    {
        int parenthesis = test.IndexOf('(', StringComparison.Ordinal);
        string head = parenthesis < 0 ? test : test[..parenthesis];
        string[] parts = head.Split('.');
        return parts.Length >= 2 ? $"{parts[^2]}.{parts[^1]}" : head;
    }

    /// <summary>The category [KataTask(n)] gives a task's tests (tests/Katas.Testing/KataTaskAttribute.cs).</summary>

    /// <summary>A folder from anywhere is built from a copy inside the repository, where its build settings apply.</summary>
    private static string CopyIntoRepository(string source, string kata)
    {
        string root = Path.Combine(KataRepository.Artifacts, "submission");
        KataCopy.Copy(Path.Combine(Path.GetFullPath(source), kata), Path.Combine(root, kata));
        return root;
    }
}
