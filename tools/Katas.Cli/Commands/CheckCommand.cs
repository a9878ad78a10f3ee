using System.ComponentModel;
using Katas.Cli.Running;
using Katas.Conventions;
using Katas.Figures;
using Katas.Kits;
using Katas.Runner.Protocol;
using Katas.Runner.Supervision;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Katas.Cli.Commands;

/// <summary>`katas check [NN] [--task N] [--source DIR]`: runs the tests against the learner's code and shows a board.</summary>
public sealed class CheckCommand(IAnsiConsole console) : Command<CheckCommand.Settings>
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
        // Ctrl+C stops the run in progress: the board says how far it got and the workers are ended, none left behind.
        using var stop = new StopSignals(cancellationToken);
        bool allPassed = true;
        foreach (string kata in settings.Katas)
        {
            string folder = settings.Source is null ? Path.Combine(KataRepository.Root, "katas", kata) : Path.Combine(Path.GetFullPath(settings.Source), kata);
            if (!Directory.Exists(folder))
            {
                throw new UsageException($"--source {settings.Source}: there is no folder {folder}.");
            }

            WorkerStart? start = KataWorkers.Prepare(console, kata, stop: stop.Token);
            if (start is null)
            {
                return stop.Stopped ? stop.ExitCode : 1;
            }

            // A one-off check keeps no standby worker: a crash costs this run a worker start (about two seconds), no more.
            using var runner = new WarmRunner(start, keepStandby: false);
            string implementation = settings.Source is null ? "katas" : folder;
            var request = new RunRequest(folder, implementation, TaskOrder: settings.Task is int first ? [first] : [], Skip: [],
                OnlyTasks: settings.Task is int only ? [only] : null, Animate: true);
            var board = new LiveBoard(console, kata, KataSources.Who(implementation), animate: true);
            console.MarkupLine($"{kata}: testing {Markup.Escape(KataRepository.Relative(folder))}" + (settings.Task is int task ? $", task {task}" : ""));
            bool passed = board.Finish(KataCheck.Run(console, runner, request, board, stop.Token));
            if (stop.Stopped)
            {
                return stop.ExitCode;
            }

            allPassed &= passed;
            if (passed && settings.Task is null && settings.Kata is not null)
            {
                string? next = KataRepository.Katas.SkipWhile(other => other != kata).Skip(1).FirstOrDefault();
                console.MarkupLine(next is null
                    ? $"[green]{kata} is all green[/], and it is the last kata: well done."
                    : $"[green]{kata} is all green.[/] Next: katas/{next}/README.md, then ./kata check {next[..2]}");
            }
        }

        return allPassed ? 0 : 1;
    }
}
