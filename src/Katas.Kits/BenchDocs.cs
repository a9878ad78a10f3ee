using Spectre.Console;
using TorchSharp;

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

    /// <summary>One line saying when, where, with which build and on how many threads the figures were measured.</summary>
    public static string Conditions() => CurrentConditions().Sentence();

    /// <summary>The conditions now, with the build configuration of these kit libraries and TorchSharp's thread count.</summary>
    public static BenchConditions CurrentConditions() => BenchConditions.Now(BenchMachine.Configuration(typeof(BenchDocs).Assembly), torch.get_num_threads());

    /// <summary>The machine's load (1, 5 and 15 minutes) where Linux reports it, for reading the times.</summary>
    public static string Load() => BenchMachine.Load();

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
    /// <paramref name="settings"/> say --no-docs, and says on <paramref name="console"/> what it did.
    /// </summary>
    public static void Write(string kata, string block, IEnumerable<string> lines, BenchSettings settings, IAnsiConsole console) =>
        Write(kata, block, lines, settings, CurrentConditions(), console.WriteRawLine);

    /// <summary>
    /// Writes <paramref name="lines"/> into block <paramref name="block"/> of <paramref name="kata"/>'s docs page, unless
    /// <paramref name="settings"/> say --no-docs or the <paramref name="conditions"/> are not a Release build (the docs hold
    /// Release figures only), and says through <paramref name="say"/> what it did.
    /// </summary>
    public static void Write(string kata, string block, IEnumerable<string> lines, BenchSettings settings, BenchConditions conditions, Action<string> say)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(conditions);
        ArgumentNullException.ThrowIfNull(say);
        string page = PathOf(kata);
        string shown = Path.GetRelativePath(KataRepository.Root, page);
        if (settings.NoDocs)
        {
            return;
        }

        if (!conditions.IsRelease)
        {
            say($"Not written into {shown}: a {conditions.Configuration} build's times are not what the docs record (time a Release build).");
            return;
        }

        say(Replace(page, block, lines)
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
}
