using System.Globalization;
using System.Text.RegularExpressions;
using Katas.Kits;

namespace Katas.Cli.Hints;

/// <summary>One tier of a task's hints.</summary>
/// <param name="Tier">The tier's number, from 1.</param>
/// <param name="Title">What the tier is about ("a TorchSharp pitfall"), or "".</param>
/// <param name="Text">The hint, in Markdown.</param>
internal sealed record HintTier(int Tier, string Title, string Text);

/// <summary>
/// A kata's tiered hints: katas/NN-name/HINTS.md, sections "## Task N" with sub-sections "### Tier 1", "### Tier 2: title", ...
/// in order. Anything before the first "## Task" is an introduction for people reading the file.
/// </summary>
internal static partial class HintFile
{
    /// <summary>The hints file of <paramref name="kata"/>.</summary>
    public static string PathOf(string kata) => Path.Combine(KataRepository.Root, "katas", kata, "HINTS.md");

    /// <summary>The tiers of every task in <paramref name="kata"/>'s HINTS.md, by task.</summary>
    /// <exception cref="UsageException">The kata has no HINTS.md.</exception>
    /// <exception cref="Katas.Data.DataFormatException">A section is out of order or empty (the message names the line).</exception>
    public static IReadOnlyDictionary<int, IReadOnlyList<HintTier>> Read(string kata)
    {
        string path = PathOf(kata);
        if (!File.Exists(path))
        {
            throw new UsageException($"{kata} has no hints file ({KataRepository.Relative(path)}).");
        }

        return Parse(File.ReadAllText(path), KataRepository.Relative(path));
    }

    /// <summary>Parses the text of a hints file; <paramref name="source"/> names it in error messages.</summary>
    public static IReadOnlyDictionary<int, IReadOnlyList<HintTier>> Parse(string text, string source)
    {
        var tasks = new SortedDictionary<int, IReadOnlyList<HintTier>>();
        List<HintTier>? tiers = null;
        int task = 0;
        var body = new List<string>();
        (int Tier, string Title, int Line)? current = null;

        void Close(int line)
        {
            if (current is { } tier)
            {
                string hint = string.Join('\n', body).Trim();
                if (hint.Length == 0)
                {
                    throw new Katas.Data.DataFormatException(source, tier.Line, $"task {task}, tier {tier.Tier} has no text");
                }

                tiers!.Add(new HintTier(tier.Tier, tier.Title, hint));
            }

            current = null;
            body.Clear();
        }

        string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (int index = 0; index < lines.Length; index++)
        {
            int number = index + 1;
            string line = lines[index];
            if (TaskHeading().Match(line) is { Success: true } taskMatch)
            {
                Close(number);
                task = int.Parse(taskMatch.Groups[1].Value, CultureInfo.InvariantCulture);
                if (tasks.ContainsKey(task))
                {
                    throw new Katas.Data.DataFormatException(source, number, $"task {task} appears twice");
                }

                tiers = [];
                tasks[task] = tiers;
            }
            else if (TierHeading().Match(line) is { Success: true } tierMatch)
            {
                Close(number);
                if (tiers is null)
                {
                    throw new Katas.Data.DataFormatException(source, number, "a \"### Tier\" heading before any \"## Task N\" heading");
                }

                int tier = int.Parse(tierMatch.Groups[1].Value, CultureInfo.InvariantCulture);
                if (tier != tiers.Count + 1)
                {
                    throw new Katas.Data.DataFormatException(source, number, $"task {task}: expected tier {tiers.Count + 1}, found tier {tier}");
                }

                current = (tier, tierMatch.Groups[2].Value.Trim(), number);
            }
            else if (current is not null)
            {
                body.Add(line);
            }
        }

        Close(lines.Length);
        foreach ((int empty, _) in tasks.Where(pair => pair.Value.Count == 0))
        {
            throw new Katas.Data.DataFormatException(source, 1, $"task {empty} has a heading but no \"### Tier 1\"");
        }

        return tasks;
    }

    [GeneratedRegex(@"^## Task (\d+)\s*$")]
    private static partial Regex TaskHeading();

    [GeneratedRegex(@"^### Tier (\d+)(?::\s*(.*))?$")]
    private static partial Regex TierHeading();
}
