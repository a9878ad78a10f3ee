using System.Globalization;
using Katas.Figures;
using Katas.Kits;
using Spectre.Console;

namespace Katas.Cli;

/// <summary>The learner's board: per task, what passes, and the first failure's teaching message.</summary>
internal static class Board
{
    /// <summary>Shows <paramref name="result"/> for <paramref name="kata"/>; true when every test passed.</summary>
    public static bool Show(string kata, TestRunResult result, string figureFolder)
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
        string figures = Path.Combine(KataRepository.Artifacts, kata, figureFolder);
        if (Directory.Exists(figures) && Directory.EnumerateFiles(figures).Any())
        {
            AnsiConsole.MarkupLine($"Your figures: [bold]{Markup.Escape(KataRepository.Relative(figures))}/[/] " +
                                   $"(the reference ones: {Markup.Escape(KataRepository.Relative(ArtifactFolders.For(KataRepository.Root, kata, "solutions")))}/, made by `demo`)");
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
