using System.Globalization;
using System.Text.RegularExpressions;

namespace Katas.Cli.Running;

/// <summary>
/// Which tasks a kata file belongs to, so a save runs that task's tests first: every stub names its task ("Kata 01,
/// task 3 (GradientStep.Take) is not implemented yet", "/// &lt;summary&gt;Task 3: ..."), and a finished file keeps its
/// summary. A file that names no task (a helper, a README) changes no order.
/// </summary>
internal static partial class ChangedTasks
{
    /// <summary>The tasks <paramref name="file"/> names, in the order it names them first.</summary>
    public static IReadOnlyList<int> Of(string file)
    {
        if (!file.EndsWith(".cs", StringComparison.Ordinal) || !File.Exists(file))
        {
            return [];
        }

        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (IOException)
        {
            return []; // being written again: no order then
        }

        return TaskMention().Matches(text).Select(match => int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct().ToList();
    }

    [GeneratedRegex(@"\b[Tt]ask (\d+)\b")]
    private static partial Regex TaskMention();
}
