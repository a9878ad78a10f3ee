using System.ComponentModel;
using System.Globalization;
using Katas.Cli.Hints;
using Katas.Kits;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Katas.Cli.Commands;

/// <summary>
/// `./kata hint NN [TASK]`: the next tier of a task's hints (katas/NN-name/HINTS.md), one more each time it is asked for;
/// without a task, how many tiers of each task are seen. What was seen is kept in .katas-hints.json (git-ignored).
/// </summary>
public sealed class HintCommand(IAnsiConsole console) : Command<HintCommand.Settings>
{
    /// <summary>The command line of `./kata hint`.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<KATA>")]
        [Description("a kata: 01, 1 or 01-linreg")]
        public string Kata { get; init; } = "";

        [CommandArgument(1, "[TASK]")]
        [Description("the task number (README's ## Tasks); left out: what you have seen of each task")]
        public string? TaskText { get; init; }

        /// <summary>The task asked for, or null.</summary>
        public int? Task => int.TryParse(TaskText, NumberStyles.None, CultureInfo.InvariantCulture, out int task) ? task : null;

        [CommandOption("--again")]
        [Description("show the tiers seen so far without moving on to the next")]
        public bool Again { get; init; }

        [CommandOption("--forget")]
        [Description("start the kata's hints from tier 1 again")]
        public bool Forget { get; init; }

        [CommandOption("--state <FILE>")]
        [Description("where what you have seen is kept (default: .katas-hints.json at the root, or $KATAS_HINTS_FILE)")]
        public string? State { get; init; }

        public override ValidationResult Validate()
        {
            try
            {
                string kata = KataRepository.ResolveKata(Kata);
                if (TaskText is not null && Task is null)
                {
                    return ValidationResult.Error($"TASK must be a task number, e.g. hint {Kata} 2; got \"{TaskText}\".");
                }

                if (Task is int task)
                {
                    IReadOnlyList<int> tasks = KataReadme.Tasks(kata);
                    if (!tasks.Contains(task))
                    {
                        return ValidationResult.Error($"{kata} has no task {task}; its tasks are {string.Join(", ", tasks)} (see katas/{kata}/README.md).");
                    }
                }

                return Again && Forget ? ValidationResult.Error("--again and --forget don't go together: pick one.") : ValidationResult.Success();
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
        string kata = KataRepository.ResolveKata(settings.Kata);
        IReadOnlyDictionary<int, IReadOnlyList<HintTier>> hints = HintFile.Read(kata);
        HintProgress progress = HintProgress.Load(HintProgress.Locate(settings.State));
        if (settings.Forget)
        {
            progress.Forget(kata);
            console.MarkupLine($"Hints of {kata} start from tier 1 again.");
            return 0;
        }

        if (settings.Task is not int task)
        {
            foreach (int each in KataReadme.Tasks(kata))
            {
                int total = hints.TryGetValue(each, out IReadOnlyList<HintTier>? tiers) ? tiers.Count : 0;
                console.MarkupLine($"task {each}: {(total == 0 ? "no hints" : $"{Math.Min(progress.Seen(kata, each), total)} of {total} tiers seen")}");
            }

            console.MarkupLine($"Next tier of a task: ./kata hint {kata[..2]} TASK");
            return 0;
        }

        if (!hints.TryGetValue(task, out IReadOnlyList<HintTier>? taskTiers))
        {
            console.MarkupLine($"Task {task} of {kata} has no hints: its README section is all there is (katas/{kata}/README.md).");
            return 0;
        }

        int seen = Math.Min(progress.Seen(kata, task), taskTiers.Count);
        if (settings.Again)
        {
            if (seen == 0)
            {
                console.MarkupLine($"No tier of task {task} seen yet: ./kata hint {kata[..2]} {task.ToString(CultureInfo.InvariantCulture)} shows the first.");
            }

            foreach (HintTier tier in taskTiers.Take(seen))
            {
                Show(kata, task, tier, taskTiers.Count);
            }

            return 0;
        }

        int show = Math.Min(seen + 1, taskTiers.Count);
        Show(kata, task, taskTiers[show - 1], taskTiers.Count);
        string again = $"./kata hint {kata[..2]} {task.ToString(CultureInfo.InvariantCulture)}";
        console.MarkupLine(seen == taskTiers.Count
            ? $"That was the last tier, again. All of them: {again} --again, or katas/{kata}/HINTS.md."
            : show < taskTiers.Count
                ? $"Still stuck? Ask again for tier {show + 1}: {again}"
                : "That was the last tier.");
        progress.Record(kata, task, show);
        return 0;
    }

    /// <summary>Prints one tier: a heading, then the hint as written (not wrapped again: it is Markdown with code).</summary>
    private void Show(string kata, int task, HintTier tier, int tiers)
    {
        string title = tier.Title.Length > 0 ? $" ({tier.Title})" : "";
        console.MarkupLine($"[bold]{kata}, task {task}, tier {tier.Tier} of {tiers}{Markup.Escape(title)}[/]");
        // Raw, not console.WriteLine: that would wrap the Markdown at the console's width.
        console.WriteRawLine(tier.Text);
        console.WriteRawLine("");
    }
}
