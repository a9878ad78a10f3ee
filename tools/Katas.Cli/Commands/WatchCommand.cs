using System.ComponentModel;
using System.Runtime.InteropServices;
using Katas.Cli.Running;
using Katas.Kits;
using Katas.Runner.Outcomes;
using Katas.Runner.Protocol;
using Katas.Runner.Supervision;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Katas.Cli.Commands;

/// <summary>
/// `./kata watch [NN]`: tests the learner's kata, shows the board, and tests again whenever a file under katas/ changes;
/// when the kata is all green it moves on to the next. Ctrl+C stops it.
/// </summary>
public sealed class WatchCommand : Command<WatchCommand.Settings>
{
    /// <summary>The command line of `./kata watch`.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[KATA]")]
        [Description("the kata to start with: 01, 1 or 01-linreg (default: the first)")]
        public string? Kata { get; init; }

        public override ValidationResult Validate()
        {
            try
            {
                _ = Kata is null ? null : KataRepository.ResolveKata(Kata);
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
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCtrlC = (_, e) =>
        {
            // Stop between runs instead of being killed mid-write; a test run in progress gets the same Ctrl+C and ends.
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCtrlC;
        // SIGTERM (a CI job or `kill` ending the watch) stops it the same clean way.
        using PosixSignalRegistration onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            stop.Cancel();
        });
        try
        {
            return Watch(settings.Kata is null ? KataRepository.Katas[0] : KataRepository.ResolveKata(settings.Kata), stop.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCtrlC;
        }
    }

    private static int Watch(string kata, CancellationToken stop)
    {
        using var changes = new KataChanges();
        string? current = kata;
        IReadOnlyList<int> first = [];
        while (current is not null)
        {
            WorkerStart? start = KataWorkers.Prepare(current);
            if (start is null)
            {
                return 1;
            }

            // Two warm workers: the second takes over at once when learner code crashes the first or runs past its time limit.
            using var runner = new WarmRunner(start, keepStandby: true);
            string folder = Path.Combine(KataRepository.Root, "katas", current);
            bool green = false;
            while (!stop.IsCancellationRequested)
            {
                changes.Clear();
                var board = new LiveBoard(current, "yours");
                KataRunResult result = KataCheck.Run(runner, new RunRequest(folder, "katas", first, []), board, stop);
                if (stop.IsCancellationRequested)
                {
                    break;
                }

                if (board.Finish(result))
                {
                    green = true;
                    break;
                }

                AnsiConsole.MarkupLine($"Watching katas/ for your changes; the tests of {current} run again when you save (Ctrl+C stops).");
                string? changed = changes.WaitForChange(stop);
                if (changed is null)
                {
                    break;
                }

                first = ChangedTasks.Of(Path.Combine(KataRepository.Root, changed));
                AnsiConsole.MarkupLine($"[bold]{Markup.Escape(changed)} changed[/]: testing {current} again" + (first.Count > 0 ? $", task {string.Join(", ", first)} first." : "."));
            }

            if (!green)
            {
                break;
            }

            string? next = KataRepository.Katas.SkipWhile(other => other != current).Skip(1).FirstOrDefault();
            AnsiConsole.MarkupLine(next is null
                ? $"[green]{current} is all green, and it is the last kata: well done.[/]"
                : $"[green]{current} is all green.[/] On to {next}: katas/{next}/README.md");
            current = next;
            first = [];
        }

        AnsiConsole.MarkupLine("Stopped watching.");
        return 0;
    }
}
