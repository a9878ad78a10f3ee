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
            AnsiConsole.MarkupLine($"[bold]{kata}[/]: building and testing your code...");
            string? filter = settings.Task is int task ? "TestCategory=" + KataTaskCategory(kata, task) : null;
            TestRunResult result = settings.Source is null
                ? TestRun.Run(kata, "katas", "katas", filter, animate: true)
                : TestRun.Run(kata, CopyIntoRepository(settings.Source, kata), "submission", filter, animate: true);
            allPassed &= Board.Show(kata, result, ArtifactFolders.Who(settings.Source is null ? "katas" : "submission"));
        }

        return allPassed ? 0 : 1;
    }

    /// <summary>The category [KataTask(n)] gives a task's tests (tests/Katas.Testing/KataTaskAttribute.cs).</summary>
    private static string KataTaskCategory(string kata, int task) => $"kata{kata[..2]}-task{task.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A folder from anywhere is built from a copy inside the repository, where its build settings apply.</summary>
    private static string CopyIntoRepository(string source, string kata)
    {
        string root = Path.Combine(KataRepository.Artifacts, "submission");
        KataCopy.Copy(Path.Combine(Path.GetFullPath(source), kata), Path.Combine(root, kata));
        return root;
    }
}
