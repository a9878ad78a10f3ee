using System.Globalization;
using System.Text.RegularExpressions;
using Katas.Kits;

namespace Katas.Cli.Reset;

/// <summary>A commit holding a kata's original stubs.</summary>
/// <param name="Commit">The commit's hash.</param>
/// <param name="Description">Its short hash, date and subject, for messages.</param>
internal sealed record OriginalCommit(string Commit, string Description);

/// <summary>
/// Finds the committed original of a kata's stubs: the newest commit (from HEAD, or a ref) in which every task of the kata
/// still throws its "Kata NN, task N ... is not implemented yet" stub, so work the learner has committed is skipped over
/// (and stays in git's history).
/// </summary>
internal static partial class KataOriginal
{
    /// <summary>The newest commit reachable from <paramref name="reference"/> where every task of <paramref name="kata"/> is a stub.</summary>
    /// <exception cref="UsageException">No such commit (or <paramref name="reference"/> is not a commit).</exception>
    public static OriginalCommit Find(string kata, string reference)
    {
        string folder = $"katas/{kata}";
        IReadOnlyList<int> tasks = KataReadme.Tasks(kata);
        string log = RepositoryGit.Output("log", "--format=%H", reference, "--", folder);
        foreach (string commit in log.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (StubbedTasks(commit, folder, kata).IsSupersetOf(tasks))
            {
                string subject = RepositoryGit.Output("log", "-1", "--format=%s", commit).Trim();
                string shortened = subject.Length <= 50 ? subject : subject[..47] + "...";
                return new OriginalCommit(commit, $"{RepositoryGit.Output("log", "-1", "--format=%h, %as", commit).Trim()} (\"{shortened}\")");
            }
        }

        throw new UsageException($"No commit reachable from {reference} holds {folder} with every task still a stub; name the commit with --ref.");
    }

    /// <summary>The tasks whose stub message occurs in the kata's .cs files at <paramref name="commit"/>.</summary>
    private static HashSet<int> StubbedTasks(string commit, string folder, string kata)
    {
        var tasks = new HashSet<int>();
        foreach (string file in RepositoryGit.Output("ls-tree", "-r", "--name-only", commit, "--", folder).Split('\n', StringSplitOptions.RemoveEmptyEntries)
                     .Where(file => file.EndsWith(".cs", StringComparison.Ordinal)))
        {
            string text = RepositoryGit.Output("show", $"{commit}:{file}");
            foreach (Match match in StubMessage().Matches(text).Where(match => match.Groups["kata"].Value == kata))
            {
                foreach (Capture task in match.Groups["task"].Captures)
                {
                    tasks.Add(int.Parse(task.Value, CultureInfo.InvariantCulture));
                }
            }
        }

        return tasks;
    }

    /// <summary>"... is not implemented yet: see katas/02-spread/README.md, tasks 2 and 5.": the end of every stub's message (KataLayoutTests keeps it so).</summary>
    [GeneratedRegex(@"is not implemented yet: see katas/(?<kata>\d\d-[\w-]+)/README\.md, tasks? (?<task>\d+)(?:(?:, | and )(?<task>\d+))*")]
    private static partial Regex StubMessage();
}
