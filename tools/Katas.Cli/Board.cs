using System.Globalization;
using System.Text.RegularExpressions;
using Katas.Figures;
using Katas.Kits;
using Spectre.Console;

namespace Katas.Cli;

/// <summary>The learner's board: per task, what passes, and the first failure's teaching message.</summary>
internal static partial class Board
{
    /// <summary>Shows <paramref name="result"/> for <paramref name="kata"/>; true when every test passed.</summary>
    /// <param name="kata">The kata folder name.</param>
    /// <param name="result">The test run.</param>
    /// <param name="figureFolder">"yours" or "other": where the run's figures went.</param>
    /// <param name="source">The implementation's source ("katas" or a folder), to pick its compiler warnings out of the build output.</param>
    public static bool Show(string kata, TestRunResult result, string figureFolder, string source)
    {
        if (!result.Built)
        {
            AnsiConsole.MarkupLine($"[red]{kata} does not build.[/] The compiler said:");
            AnsiConsole.WriteLine(string.Join('\n', CompilerLines(result.BuildOutput, "error").DefaultIfEmpty(Tail(result.BuildOutput, 30))));
            return false;
        }

        var board = new Table().Title($"{kata}: {result.Passed}/{result.Outcomes.Count} tests pass ({result.Elapsed.TotalSeconds:0.0} s)")
            .AddColumns("task", "result", "first failure");
        foreach (IGrouping<int, TestOutcome> group in result.Outcomes.GroupBy(outcome => outcome.Task))
        {
            // The first failure in file order, but a crash outranks every other failure: it hides the rest of its run.
            TestOutcome? failure = group.FirstOrDefault(outcome => outcome.Crashed) ?? group.FirstOrDefault(outcome => !outcome.Passed);
            string status = failure is null
                ? $"[green]passed ({group.Count()})[/]"
                : $"[red]failed {group.Count(outcome => !outcome.Passed)} of {group.Count()}[/]" + (failure.Crashed ? "\n[red]crashed[/]" : "");
            string message = failure is null ? "" : Markup.Escape($"{failure.Name}:\n{Shorten(WithoutRepeat(failure.Message))}");
            board.AddRow(group.Key == 0 ? "-" : group.Key.ToString(CultureInfo.InvariantCulture), status, message);
        }

        AnsiConsole.Write(board);
        string folder = source == "katas" ? Path.Combine(KataRepository.Root, "katas", kata) : Path.Combine(source, kata);
        List<string> warnings = CompilerLines(result.BuildOutput, "warning").Where(line => line.Contains(folder, StringComparison.Ordinal)).ToList();
        if (warnings.Count > 0)
        {
            AnsiConsole.MarkupLine($"[yellow]Your code builds, with {warnings.Count} compiler warning(s):[/]");
            foreach (string warning in warnings.Take(5))
            {
                AnsiConsole.WriteLine("  " + warning.Replace(folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal));
            }
        }

        string figures = Path.Combine(KataRepository.Artifacts, kata, figureFolder);
        if (Directory.Exists(figures) && Directory.EnumerateFiles(figures).Any())
        {
            AnsiConsole.MarkupLine($"Your figures: [bold]{Markup.Escape(KataRepository.Relative(figures))}/[/] " +
                                   $"(the reference ones: {Markup.Escape(KataRepository.Relative(ArtifactFolders.For(KataRepository.Root, kata, "solutions")))}/, made by `./kata demo`)");
        }

        return result.Failed == 0 && result.Outcomes.Count > 0;
    }

    /// <summary>
    /// NUnit appends "Expected: null / But was: &lt;the object&gt;" to a teaching message whose object is the same
    /// explanation again: show the teaching message once.
    /// </summary>
    private static string WithoutRepeat(string message)
    {
        Match constraint = NullConstraint().Match(message);
        return constraint.Success ? message[..constraint.Index].TrimEnd() : message;
    }

    private static IEnumerable<string> CompilerLines(string output, string kind) =>
        output.Split('\n').Select(line => line.Trim())
            .Where(line => line.Contains($": {kind} ", StringComparison.Ordinal))
            .Select(line => BuildProjectSuffix().Replace(line, ""))
            .Distinct();

    private static string Shorten(string message)
    {
        string[] lines = message.Split('\n');
        return lines.Length <= 10 ? message : string.Join('\n', lines.Take(10)) + "\n...";
    }

    private static string Tail(string text, int lines) => string.Join('\n', text.Split('\n').TakeLast(lines));

    [GeneratedRegex(@"\n\s*Expected: null\s*\n\s*But was:", RegexOptions.Singleline)]
    private static partial Regex NullConstraint();

    [GeneratedRegex(@"\s*\[[^\]]+\.csproj[^\]]*\]$")]
    private static partial Regex BuildProjectSuffix();
}
