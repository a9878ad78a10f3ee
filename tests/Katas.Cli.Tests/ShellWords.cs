namespace Katas.Cli.Tests;

/// <summary>Command lines written in a test as one string, as a learner types them.</summary>
internal static class ShellWords
{
    /// <summary><paramref name="commandLine"/> split as a shell would: at spaces, except inside double quotes.</summary>
    public static IEnumerable<string> Split(string commandLine) =>
        System.Text.RegularExpressions.Regex.Matches(commandLine, "\"([^\"]*)\"|(\\S+)")
            .Select(match => match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value);
}
