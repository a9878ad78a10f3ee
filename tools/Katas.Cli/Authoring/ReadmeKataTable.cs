using System.Text.RegularExpressions;

namespace Katas.Cli.Authoring;

/// <summary>The README's table of katas ("| [01-linreg](katas/01-linreg/README.md) | what you build |"): a new kata's row goes after the last.</summary>
internal static partial class ReadmeKataTable
{
    /// <summary>The README's text with <paramref name="kata"/>'s row after the table's last row, or null when it has no such table.</summary>
    public static string? WithRow(string readme, NewKata kata)
    {
        string newline = readme.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        List<string> lines = [.. readme.Split(newline)];
        int last = lines.FindLastIndex(line => KataRow().IsMatch(line));
        if (last < 0)
        {
            return null;
        }

        string indent = lines[last][..(lines[last].Length - lines[last].TrimStart().Length)];
        lines.Insert(last + 1, $"{indent}| [{kata.Folder}](katas/{kata.Folder}/README.md) | {kata.Title} |");
        return string.Join(newline, lines);
    }

    [GeneratedRegex(@"^\s*\| \[\d\d-[a-z0-9-]+\]\(katas/\d\d-[a-z0-9-]+/README\.md\) \|")]
    private static partial Regex KataRow();
}
