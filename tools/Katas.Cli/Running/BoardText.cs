using System.Text.RegularExpressions;

namespace Katas.Cli.Running;

/// <summary>How test names and messages are cut to fit the board.</summary>
internal static partial class BoardText
{
    /// <summary>"Class.Method" of a test's full name, without its namespace or arguments.</summary>
    public static string Short(string fullName)
    {
        string head = fullName.Split('(')[0];
        string[] parts = head.Split('.');
        return parts.Length >= 2 ? $"{parts[^2]}.{parts[^1]}" : head;
    }

    /// <summary>A test's name without its arguments: "Name" of "Name(0.9, \"sgd\")".</summary>
    public static string WithoutArguments(string name) => name.Split('(')[0].TrimEnd();

    /// <summary>
    /// A test's name as the board shows it: with its arguments when they read as values ("(0.9)"), without them when they
    /// are the type names NUnit prints for delegates and objects ("System.Func`2[...]"), which say nothing to a learner.
    /// </summary>
    public static string Readable(string name)
    {
        int open = name.IndexOf('(');
        return open > 0 && (name.Contains('`') || name.IndexOf("System.", open, StringComparison.Ordinal) > 0) ? name[..open] : name;
    }

    /// <summary>At most ten lines of a message.</summary>
    public static string Shorten(string message)
    {
        string[] lines = message.TrimEnd().Split('\n');
        return lines.Length <= 10 ? string.Join('\n', lines) : string.Join('\n', lines.Take(10)) + "\n...";
    }

    /// <summary>
    /// NUnit appends "Expected: null / But was: &lt;the object&gt;" to a teaching message whose object is the same
    /// explanation again: the teaching message once.
    /// </summary>
    public static string WithoutRepeat(string message)
    {
        Match constraint = NullConstraint().Match(message);
        return constraint.Success ? message[..constraint.Index].TrimEnd() : message;
    }

    /// <summary>
    /// The message without what NUnit adds about the test's own code: the asserted expression ("Assert.That(gap, Is.LessThan(1e-6))"),
    /// "Expected: True / But was: False" after a sentence that already says what was wrong, "Expected: 6 / But was: 4" after a sentence
    /// that already names both numbers with what they count (bare, they read as a second, unexplained failure), and the stack frames of the test and
    /// of NUnit that Assert.Multiple appends. They name lines in tests/, which a learner need not open; the learner's own line
    /// ("(at ... katas/...)") stays.
    /// </summary>
    public static string WithoutTestInternals(string message)
    {
        string[] lines = message.Split('\n');
        var kept = new List<string>();
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            bool boolean = line is "Expected: True" or "Expected: False" && i + 1 < lines.Length && lines[i + 1].Trim().StartsWith("But was:", StringComparison.Ordinal);
            bool alreadySaid = !boolean && i + 1 < lines.Length && IsSaidIn(kept, line, lines[i + 1].Trim());
            bool testFrame = line.StartsWith("at ", StringComparison.Ordinal)
                             && (line.Contains("NUnit.Framework.", StringComparison.Ordinal) || line.Contains(".Tests.", StringComparison.Ordinal));
            if (boolean || alreadySaid)
            {
                i++;
            }
            else if (!testFrame && !AssertedExpression().IsMatch(line) && !(line.Length == 0 && kept.Count > 0 && kept[^1].Trim().Length == 0))
            {
                kept.Add(lines[i]);
            }
        }

        return string.Join('\n', kept).TrimEnd();
    }

    /// <summary>
    /// Whether NUnit's pair "Expected: A" / "But was: B" only repeats the lines <paramref name="kept"/> above it: A and B are plain values
    /// (a number, a word, null; not a constraint such as "less than 1E-06" or "0.5d +/- 1E-12") and those lines name both as whole words.
    /// </summary>
    private static bool IsSaidIn(IReadOnlyList<string> kept, string expectedLine, string actualLine)
    {
        Match expected = ExpectedValue().Match(expectedLine);
        Match actual = ActualValue().Match(actualLine);
        if (!expected.Success || !actual.Success)
        {
            return false;
        }

        string said = string.Join('\n', kept);
        return Names(said, expected.Groups[1].Value) && Names(said, actual.Groups[1].Value);
    }

    /// <summary>Whether <paramref name="text"/> has <paramref name="value"/> as a whole word ("6" in "step 6,", not in "16" or "6.5").</summary>
    private static bool Names(string text, string value) => Regex.IsMatch(text, $@"(?<![\w.]){Regex.Escape(value)}(?![\w]|\.\d)");

    [GeneratedRegex(@"^Expected: (-?\d+|null|[A-Za-z]\w*)$")]
    private static partial Regex ExpectedValue();

    [GeneratedRegex(@"^But was:\s+(-?\d+|null|[A-Za-z]\w*)$")]
    private static partial Regex ActualValue();

    [GeneratedRegex(@"^Assert\.\w+\(.*\)$")]
    private static partial Regex AssertedExpression();

    [GeneratedRegex(@"\n\s*Expected: null\s*\n\s*But was:", RegexOptions.Singleline)]
    private static partial Regex NullConstraint();
}
