using System.ComponentModel;
using Katas.Cli.Running;
using Katas.Conventions;
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
public sealed class WatchCommand(IAnsiConsole console) : Command<WatchCommand.Settings>
{
    /// <summary>The command line of `./kata watch`.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[KATA]")]
        [Description("the kata to start with: 01, 1 or 01-linreg (default: the first)")]
        public string? Kata { get; init; }

        [CommandOption("--source <DIR>")]
        [Description("watch the katas in DIR (laid out like katas/) instead of katas/")]
        public string? Source { get; init; }

        [CommandOption("--stay")]
        [Description("stay on the kata when it is all green, instead of moving on to the next")]
        public bool Stay { get; init; }

        [CommandOption("--timings")]
        [Description("after each board, say where the time went: noticing the save, compiling, loading, the tests")]
        public bool Timings { get; init; }

        public override ValidationResult Validate()
        {
            if (Source is not null && !Directory.Exists(Source))
            {
                return ValidationResult.Error($"--source: there is no folder \"{Source}\".");
            }

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
        // Ctrl+C stops between runs instead of killing the tool mid-write; a run in progress is stopped and its workers ended.
        using var stop = new StopSignals(cancellationToken);
        string folder = settings.Source is null ? Path.Combine(KataRepository.Root, "katas") : Path.GetFullPath(settings.Source);
        return Watch(settings.Kata is null ? KataRepository.Katas[0] : KataRepository.ResolveKata(settings.Kata), folder, settings, stop.Token);
    }

    private int Watch(string kata, string katasFolder, Settings settings, CancellationToken stop)
    {
        using var changes = new KataChanges(katasFolder);
        bool learners = katasFolder == Path.Combine(KataRepository.Root, "katas");
        string shownFolder = learners ? "katas/" : katasFolder;
        DateTime? saved = null;
        string? current = kata;
        IReadOnlyList<int> first = [];
        while (current is not null)
        {
            WorkerStart? start = KataWorkers.Prepare(console, current, stop: stop);
            if (start is null)
            {
                if (!stop.IsCancellationRequested)
                {
                    return 1;
                }

                break; // stopped while the kata's tests were being built
            }

            // Two warm workers: the second takes over at once when learner code crashes the first or runs past its time limit.
            using var runner = new WarmRunner(start, keepStandby: true);
            string folder = Path.Combine(katasFolder, current);
            string implementation = learners ? "katas" : katasFolder;
            bool green = false;
            while (!stop.IsCancellationRequested)
            {
                changes.Clear();
                var board = new LiveBoard(console, current, KataSources.Who(implementation)) { Timings = settings.Timings ? new BoardTimings(saved, first) : null };
                KataRunResult result = KataCheck.Run(console, runner, new RunRequest(folder, implementation, first, []), board, stop);
                if (stop.IsCancellationRequested)
                {
                    board.Finish(result);
                    break;
                }

                if (board.Finish(result) && !settings.Stay)
                {
                    green = true;
                    break;
                }

                console.MarkupLine($"Watching {Markup.Escape(shownFolder)} for your changes; the tests of {current} run again when you save (Ctrl+C stops).");
                string? changed = changes.WaitForChange(stop);
                if (changed is null)
                {
                    break;
                }

                string changedPath = Path.Combine(katasFolder, changed);
                saved = File.Exists(changedPath) ? File.GetLastWriteTimeUtc(changedPath) : null;
                first = ChangedTasks.Of(changedPath);
                console.MarkupLine($"[bold]{Markup.Escape(learners ? "katas/" + changed : changedPath)} changed[/]: testing {current} again" + (first.Count > 0 ? $", task {string.Join(", ", first)} first." : "."));
            }

            if (!green)
            {
                break;
            }

            string? next = KataRepository.Katas.SkipWhile(other => other != current).Skip(1).FirstOrDefault();
            console.MarkupLine(next is null
                ? $"[green]{current} is all green, and it is the last kata: well done.[/]"
                : $"[green]{current} is all green.[/] On to {next}: katas/{next}/README.md");
            current = next;
            first = [];
            saved = null;
        }

        console.MarkupLine("Stopped watching.");
        return 0;
    }
}
