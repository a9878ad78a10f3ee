using System.Globalization;

namespace Katas.Kits;

/// <summary>
/// Writes a benchmark's figures into its kata's docs (docs/NN-name.md), between the markers
/// <c>&lt;!-- bench:NAME --&gt;</c> and <c>&lt;!-- /bench:NAME --&gt;</c>, so the recorded figures are always the
/// output of the command, with the conditions they were measured in.
/// </summary>
public static class BenchDocs
{
    /// <summary>The docs page of <paramref name="kata"/>.</summary>
    public static string PathOf(string kata) => Path.Combine(KataRepository.Root, "docs", kata + ".md");

    /// <summary>One line saying when, where and with which build the figures were measured.</summary>
    public static string Conditions() => string.Create(CultureInfo.InvariantCulture,
        $"Measured {DateTime.UtcNow:yyyy-MM-dd} with the {KataRepository.BuiltAgainst} ({Configuration} build), {Environment.ProcessorCount} cores, " +
        $"load average {Load()} when it started.");

    /// <summary>The machine's load (1, 5 and 15 minutes) where Linux reports it, for reading the times.</summary>
    public static string Load() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>
    /// Replaces the block <paramref name="name"/> of <paramref name="path"/> with <paramref name="lines"/>.
    /// Returns false, writing nothing, when the page has no such block.
    /// </summary>
    /// <exception cref="InvalidDataException">The block is opened but not closed, or closed before it is opened.</exception>
    public static bool Replace(string path, string name, IEnumerable<string> lines)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        string open = $"<!-- bench:{name} -->", close = $"<!-- /bench:{name} -->";
        string text = File.ReadAllText(path);
        int start = text.IndexOf(open, StringComparison.Ordinal);
        int end = text.IndexOf(close, StringComparison.Ordinal);
        if (start < 0 && end < 0)
        {
            return false;
        }

        if (start < 0 || end < start)
        {
            throw new InvalidDataException($"{path}: the block {open} ... {close} is not closed after it is opened; fix the markers by hand.");
        }

        string newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        string block = open + newline + string.Join(newline, lines) + newline;
        File.WriteAllText(path, text[..start] + block + text[end..]);
        return true;
    }

    /// <summary>
    /// Writes <paramref name="lines"/> into block <paramref name="block"/> of <paramref name="kata"/>'s docs page, unless
    /// <paramref name="settings"/> say --no-docs, and says on the console what it did.
    /// </summary>
    public static void Write(string kata, string block, IEnumerable<string> lines, BenchSettings settings)
    {
        if (settings.NoDocs)
        {
            return;
        }

        string page = PathOf(kata);
        string shown = Path.GetRelativePath(KataRepository.Root, page);
        Console.WriteLine(Replace(page, block, lines)
            ? $"Written into {shown} (block {block})."
            : $"{shown} has no block \"{block}\" (<!-- bench:{block} --> ... <!-- /bench:{block} -->): not written there.");
    }

    /// <summary>The lines of a docs block: the conditions, then each report.</summary>
    public static IEnumerable<string> Lines(string conditions, IEnumerable<BenchReport> reports)
    {
        yield return conditions;
        foreach (BenchReport report in reports)
        {
            yield return "";
            foreach (string line in report.Markdown())
            {
                yield return line;
            }
        }
    }

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif
}
