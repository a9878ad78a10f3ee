using Katas.Cli.Running;
using Katas.Runner.Outcomes;
using Katas.Runner.Protocol;
using Spectre.Console;

namespace Katas.Runner.Tests;

/// <summary>A learner's board fed by hand, on a console of its own, for the tests of what it prints.</summary>
internal static class BoardPrinting
{
    /// <summary>What a board of kata 03 prints while <paramref name="run"/> feeds it, without colours, 200 columns wide.</summary>
    public static string Printed(Action<LiveBoard> run)
    {
        var output = new StringWriter();
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 200;
        run(new LiveBoard(console, "03-adversarial", "figures"));
        return output.ToString();
    }

    /// <summary>What the board prints when these tests are discovered and then end, one after the other, as given.</summary>
    public static string Printed(params (TestCase Test, OutcomeKind Kind, string Message)[] results) =>
        Printed(board =>
        {
            board.Discovered([.. results.Select(result => result.Test)]);
            foreach ((TestCase test, OutcomeKind kind, string message) in results)
            {
                board.Finished(Outcome(test, kind, message));
            }
        });

    /// <summary>The printed lines, trimmed, without the empty ones.</summary>
    public static string[] Lines(string printed) => printed.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public static TestCase Case(string name, int task, string? longBecause = null) => new("Tests." + name, "Tests", name, task, longBecause);

    public static TestOutcome Outcome(TestCase test, OutcomeKind kind, string message) => TestOutcome.Of(test, kind, message);
}
