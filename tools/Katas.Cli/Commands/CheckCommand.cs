using System.Globalization;
using Spectre.Console;

namespace Katas.Cli.Commands;

/// <summary>`katas check [NN] [--task N]`: runs the tests against the learner's code and shows a board.</summary>
internal static class CheckCommand
{
    public const string Usage = "check [NN] [--task N] [--source DIR]  test your code in katas/ (or DIR, laid out like katas/) and show what passes";

    public static int Run(Arguments arguments)
    {
        int task = arguments.Int("--task", 0, 1, 99);
        string source = arguments.Value("--source") ?? "katas";
        arguments.RejectUnknown(1);
        IReadOnlyList<string> katas = arguments.Positionals.Count == 1 ? [Repository.ResolveKata(arguments.Positionals[0])] : Repository.Katas;
        if (task > 0 && arguments.Positionals.Count != 1)
        {
            throw new UsageException("--task needs a kata: e.g. check 01 --task 3.");
        }

        bool allPassed = true;
        foreach (string kata in katas)
        {
            AnsiConsole.MarkupLine($"[bold]{kata}[/]: building and testing your code...");
            string? filter = task > 0 ? $"TestCategory=kata{kata[..2]}-task{task}" : null;
            TestRunResult result = source == "katas"
                ? TestRun.Run(kata, "katas", "katas", filter, animate: true)
                : TestRun.Run(kata, CopyIntoRepository(source, kata), "submission", filter, animate: true);
            allPassed &= ShowBoard(kata, result, ArtifactFolders.Who(source == "katas" ? "katas" : "submission"));
        }

        return allPassed ? 0 : 1;
    }

    /// <summary>A folder from anywhere is built from a copy inside the repository, where its build settings apply.</summary>
    private static string CopyIntoRepository(string source, string kata)
    {
        string root = Path.Combine(Repository.Artifacts, "submission");
        KataCopy.Copy(Path.Combine(Path.GetFullPath(source), kata), Path.Combine(root, kata));
        return root;
    }

    private static bool ShowBoard(string kata, TestRunResult result, string figureFolder)
    {
        if (!result.Built)
        {
            AnsiConsole.MarkupLine($"[red]{kata} does not build.[/] The compiler said:");
            AnsiConsole.WriteLine(Tail(result.BuildOutput, 30));
            return false;
        }

        var board = new Table().Title($"{kata}: {result.Passed}/{result.Outcomes.Count} tests pass ({result.Elapsed.TotalSeconds:0.0} s)")
            .AddColumns("task", "result", "first failure");
        foreach (IGrouping<int, TestOutcome> group in result.Outcomes.GroupBy(outcome => outcome.Task))
        {
            TestOutcome? failure = group.FirstOrDefault(outcome => !outcome.Passed);
            string status = failure is null
                ? $"[green]passed ({group.Count()})[/]"
                : $"[red]failed {group.Count(outcome => !outcome.Passed)} of {group.Count()}[/]";
            string message = failure is null ? "" : Markup.Escape($"{failure.Name}:\n{Shorten(failure.Message)}");
            board.AddRow(group.Key == 0 ? "-" : group.Key.ToString(CultureInfo.InvariantCulture), status, message);
        }

        AnsiConsole.Write(board);
        string figures = Path.Combine(Repository.Artifacts, kata, figureFolder);
        if (Directory.Exists(figures) && Directory.EnumerateFiles(figures).Any())
        {
            AnsiConsole.MarkupLine($"Your figures: [bold]{Markup.Escape(Path.GetRelativePath(Repository.Root, figures))}/[/] " +
                                   $"(the reference ones: {Markup.Escape(Path.GetRelativePath(Repository.Root, ArtifactFolders.For(Repository.Root, kata, "solutions")))}/, made by `demo`)");
        }

        return result.Failed == 0 && result.Outcomes.Count > 0;
    }

    private static string Shorten(string message)
    {
        string[] lines = message.Split('\n');
        return lines.Length <= 8 ? message : string.Join('\n', lines.Take(8)) + "\n...";
    }

    private static string Tail(string text, int lines) => string.Join('\n', text.Split('\n').TakeLast(lines));
}
