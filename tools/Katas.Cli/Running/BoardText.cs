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

    [GeneratedRegex(@"\n\s*Expected: null\s*\n\s*But was:", RegexOptions.Singleline)]
    private static partial Regex NullConstraint();
}
