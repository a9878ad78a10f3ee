using Katas.Kits;
using Katas.Runner.Outcomes;
using Katas.Runner.Protocol;
using Katas.Runner.Supervision;
using Spectre.Console;

namespace Katas.Cli.Running;

/// <summary>One run of a kata's tests on the board: a spinner naming the running test on a terminal, a line every few seconds in a log.</summary>
internal static class KataCheck
{
    /// <summary>Runs <paramref name="request"/> in <paramref name="runner"/>, streaming the board, and returns the result.</summary>
    public static KataRunResult Run(IAnsiConsole console, WarmRunner runner, RunRequest request, LiveBoard board, CancellationToken cancel = default)
    {
        if (!console.Profile.Capabilities.Interactive || Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 })
        {
            DateTime lastLine = DateTime.UtcNow;
            board.Status = line =>
            {
                if (DateTime.UtcNow - lastLine > TimeSpan.FromSeconds(5))
                {
                    lastLine = DateTime.UtcNow;
                    console.WriteRawLine(line.Length <= 100 ? line : line[..97] + "...");
                }
            };
            return runner.Run(request, board, cancel);
        }

        KataRunResult? result = null;
        console.Status().Start("compiling your code...", context =>
        {
            board.Status = line => context.Status(Markup.Escape(line));
            result = runner.Run(request, board, cancel);
        });
        return result!;
    }
}
