using System.Text;

namespace Katas.Cli.Mutants;

/// <summary>
/// The mutants' table as Markdown: kata, mutant, the test that caught it and the first line of its message, which is what a
/// learner with that bug reads first. It is the evidence behind "every mutant is caught by a test that names the cause".
/// </summary>
internal static class MutantReport
{
    /// <summary>Writes the table of <paramref name="outcomes"/> to <paramref name="path"/> and returns the path.</summary>
    public static string Write(IReadOnlyList<MutantOutcome> outcomes, string path)
    {
        var text = new StringBuilder();
        text.AppendLine($"# Mutants: {outcomes.Count(outcome => outcome.Caught)} of {outcomes.Count} caught as declared").AppendLine();
        text.AppendLine("| kata | mutant | caught | by | first line of the message |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (MutantOutcome outcome in outcomes.OrderBy(outcome => outcome.Kata, StringComparer.Ordinal).ThenBy(outcome => outcome.Name, StringComparer.Ordinal))
        {
            text.AppendLine($"| {outcome.Kata} | {Cell(outcome.Name)} | {(outcome.Caught ? "yes" : "NO")} | {Cell(outcome.Test)} | {Cell(outcome.Message)} |");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal);
}
