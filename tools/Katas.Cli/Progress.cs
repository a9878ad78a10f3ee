using Katas.Kits;
using Spectre.Console;

namespace Katas.Cli;

/// <summary>A progress bar on a terminal; one plain line per step when output is redirected or NO_COLOR is set (logs, CI).</summary>
internal static class Progress
{
    /// <summary>Runs <paramref name="work"/>, which calls the given action once per finished step with a description.</summary>
    public static void Show(IAnsiConsole console, string title, int steps, Action<Action<string>> work)
    {
        if (!console.Profile.Capabilities.Interactive || Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 })
        {
            int done = 0;
            work(description => console.WriteRawLine($"[{++done}/{steps}] {description}"));
            return;
        }

        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(progress =>
            {
                ProgressTask task = progress.AddTask(title, maxValue: Math.Max(1, steps));
                work(description =>
                {
                    task.Description = Markup.Escape(description);
                    task.Increment(1);
                });
                task.Value = task.MaxValue; // a kit that miscounts its runs must not leave the bar short of 100%
            });
    }
}
