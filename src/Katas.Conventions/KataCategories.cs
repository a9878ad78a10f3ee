using System.Globalization;
using System.Text.RegularExpressions;

namespace Katas.Conventions;

/// <summary>
/// The NUnit categories of kata tests, e.g. "kata01" and "kata01-task3": written by the tests' [KataTask(n)] and
/// read by `katas check --task` and the board. One definition, so writer and readers can't disagree.
/// </summary>
public static partial class KataCategories
{
    /// <summary>The category of every test of a kata, e.g. "kata01" for "01-linreg".</summary>
    public static string Kata(string kataFolder) => "kata" + kataFolder[..2];

    /// <summary>The category of a task's tests, e.g. "kata01-task3".</summary>
    public static string Task(string kataFolder, int task) => Kata(kataFolder) + "-task" + task.ToString(CultureInfo.InvariantCulture);

    /// <summary>The task number of a task category such as "kata01-task3", or 0 for any other text.</summary>
    public static int TaskOf(string? category)
    {
        Match match = TaskCategory().Match(category ?? "");
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>
    /// The category of a test that takes tens of seconds (e.g. an attack on 200 held-out pictures): the board runs a
    /// kata's other tests first and shows each task's row without it, then again when it has run.
    /// </summary>
    public const string Long = "long";

    [GeneratedRegex(@"^kata\d\d-task(\d+)$")]
    private static partial Regex TaskCategory();
}
