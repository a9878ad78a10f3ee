using System.ComponentModel;
using Katas.Cli.Reset;
using Katas.Kits;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Katas.Cli.Commands;

/// <summary>
/// `./kata reset NN [--yes] [--force] [--ref REF]`: puts a kata's stubs back as committed (the newest commit in which every
/// task is still a stub). Asks first; refuses to discard uncommitted work unless --force. Committed work stays in git.
/// </summary>
public sealed class ResetCommand(IAnsiConsole console) : Command<ResetCommand.Settings>
{
    /// <summary>The command line of `./kata reset`.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<KATA>")]
        [Description("a kata: 01, 1 or 01-linreg")]
        public string Kata { get; init; } = "";

        [CommandOption("-y|--yes")]
        [Description("don't ask; needed when input is not a terminal")]
        public bool Yes { get; init; }

        [CommandOption("--force")]
        [Description("reset even when the kata has uncommitted changes (they are lost)")]
        public bool Force { get; init; }

        [CommandOption("--ref <REF>")]
        [Description("look for the original stubs from this commit or branch back (default: HEAD)")]
        public string Ref { get; init; } = "HEAD";

        public override ValidationResult Validate()
        {
            try
            {
                _ = KataRepository.ResolveKata(Kata);
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
        string kata = KataRepository.ResolveKata(settings.Kata);
        string folder = $"katas/{kata}";
        if (RepositoryGit.Run("rev-parse", "--verify", "--quiet", settings.Ref + "^{commit}").ExitCode != 0)
        {
            throw new UsageException($"--ref {settings.Ref} is not a commit or branch of this repository.");
        }

        OriginalCommit original = KataOriginal.Find(kata, settings.Ref);
        List<string> changing = RepositoryGit.Output("diff", "--name-status", original.Commit, "--", folder).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        List<string> untracked = RepositoryGit.Output("ls-files", "--others", "--exclude-standard", "--", folder).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (changing.Count == 0 && untracked.Count == 0)
        {
            console.MarkupLine($"{folder} already holds the original stubs of {Markup.Escape(original.Description)}: nothing to reset.");
            return 0;
        }

        List<string> uncommitted = RepositoryGit.Output("status", "--porcelain", "--untracked-files=all", "--", folder)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (uncommitted.Count > 0 && !settings.Force)
        {
            console.MarkupLine($"[red]{folder} has uncommitted changes[/]; reset would lose them:");
            foreach (string line in uncommitted)
            {
                console.WriteLine("  " + line);
            }

            console.MarkupLine($"Commit them first (git add {folder} && git commit -m \"my {kata} so far\"), then reset: " +
                                   "they stay in git's history. Or add --force to lose them.");
            return 1;
        }

        console.MarkupLine($"Reset {folder} to the stubs of {Markup.Escape(original.Description)}:");
        foreach (string line in changing.Concat(untracked.Select(file => "D\t" + file + " (not in git)")))
        {
            console.WriteLine("  " + line);
        }

        if (!settings.Yes)
        {
            if (Console.IsInputRedirected)
            {
                throw new UsageException("reset asks before it changes files, and input is not a terminal here: add --yes to reset without asking.");
            }

            if (!console.Confirm("Reset these files?", defaultValue: false))
            {
                console.MarkupLine("Nothing changed.");
                return 1;
            }
        }

        // Working tree only: the index and HEAD keep the learner's commits; files the original lacks are removed.
        RepositoryGit.Output("restore", "--source", original.Commit, "--worktree", "--", folder);
        foreach (string file in untracked)
        {
            File.Delete(Path.Combine(KataRepository.Root, file));
        }

        bool hadCommittedWork = RepositoryGit.Output("diff", "--name-only", "HEAD", "--", folder).Trim().Length > 0;
        console.MarkupLine($"[green]{folder} holds the original stubs again.[/] Next: ./kata check {kata[..2]}");
        if (hadCommittedWork)
        {
            console.MarkupLine($"Your committed work is still in git: git restore --source HEAD -- {folder} brings it back.");
        }

        return 0;
    }
}
