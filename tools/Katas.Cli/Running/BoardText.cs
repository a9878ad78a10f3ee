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
