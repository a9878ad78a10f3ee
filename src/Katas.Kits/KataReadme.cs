using System.Globalization;
using System.Text.RegularExpressions;

namespace Katas.Kits;

/// <summary>What a kata's README (katas/NN-name/README.md) says about its tasks.</summary>
public static partial class KataReadme
{
    /// <summary>The README's path.</summary>
    public static string PathOf(string kata) => Path.Combine(KataRepository.Root, "katas", kata, "README.md");

    /// <summary>
    /// The task numbers the README lists: the lines "1. ...", "2. ..." of its "## Tasks" section, in order.
    /// Empty when there is no README or no such section.
    /// </summary>
    public static IReadOnlyList<int> Tasks(string kata) => File.Exists(PathOf(kata)) ? TasksIn(File.ReadAllText(PathOf(kata))) : [];

    /// <summary>The task numbers of a README's text (see <see cref="Tasks"/>).</summary>
    public static IReadOnlyList<int> TasksIn(string readme)
    {
        Match section = TasksSection().Match(readme.Replace("\r\n", "\n", StringComparison.Ordinal));
        return section.Success
            ? TaskLine().Matches(section.Groups["body"].Value).Select(match => int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)).ToList()
            : [];
    }

    [GeneratedRegex(@"^## Tasks[^\n]*\n(?<body>.*?)(?=^## |\z)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex TasksSection();

    [GeneratedRegex(@"^(\d+)\. ", RegexOptions.Multiline)]
    private static partial Regex TaskLine();
}
