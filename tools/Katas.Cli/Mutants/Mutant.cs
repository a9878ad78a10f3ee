namespace Katas.Cli.Mutants;

/// <summary>
/// A known-wrong variant of a reference solution: a plausible learner bug that the kata's tests must catch.
/// Stored as tests/&lt;kata&gt;/Mutants/&lt;name&gt;.mutant:
/// <code>
/// description: The update adds the gradient, so every step climbs uphill.
/// caught-by: One_step_moves_each_parameter_against_its_gradient_by_its_own_learning_rate   (a test name, or the start of several)
/// message: The step went uphill
///
/// --- GradientStep.cs
/// -            slope.sub_(slope.grad! * rates.Slope);
/// +            slope.add_(slope.grad! * rates.Slope);
/// </code>
/// Each "--- file" hunk replaces its "-" lines (which must occur exactly once) by its "+" lines.
/// </summary>
internal sealed record Mutant(string Name, string Description, string CaughtBy, string? Message, IReadOnlyList<MutantEdit> Edits)
{
    public static Mutant Load(string path)
    {
        string name = Path.GetFileNameWithoutExtension(path);
        string? description = null;
        string? caughtBy = null;
        string? message = null;
        var edits = new List<MutantEdit>();
        string? file = null;
        var find = new List<string>();
        var replace = new List<string>();
        string[] lines = File.ReadAllLines(path);

        void Flush(int line)
        {
            if (file is null)
            {
                return;
            }

            if (find.Count == 0)
            {
                throw new FormatException($"{path}, line {line}: the hunk for {file} has no '-' lines to find.");
            }

            edits.Add(new MutantEdit(file, string.Join('\n', find), string.Join('\n', replace)));
            find.Clear();
            replace.Clear();
        }

        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.StartsWith("--- ", StringComparison.Ordinal))
            {
                Flush(i + 1);
                file = line[4..].Trim();
            }
            else if (file is not null && line.StartsWith('-'))
            {
                find.Add(line[1..]);
            }
            else if (file is not null && line.StartsWith('+'))
            {
                replace.Add(line[1..]);
            }
            else if (file is null && line.StartsWith("description:", StringComparison.Ordinal))
            {
                description = line["description:".Length..].Trim();
            }
            else if (file is null && line.StartsWith("caught-by:", StringComparison.Ordinal))
            {
                caughtBy = line["caught-by:".Length..].Trim();
            }
            else if (file is null && line.StartsWith("message:", StringComparison.Ordinal))
            {
                message = line["message:".Length..].Trim();
            }
            else if (line.Trim().Length > 0 && !line.StartsWith('#'))
            {
                throw new FormatException($"{path}, line {i + 1}: expected description:, caught-by:, message:, '--- file', '-' or '+', found \"{line}\".");
            }
        }

        Flush(lines.Length);
        if (description is null || caughtBy is null || edits.Count == 0)
        {
            throw new FormatException($"{path}: a mutant needs description:, caught-by: and at least one '--- file' hunk.");
        }

        return new Mutant(name, description, caughtBy, message, edits);
    }

    /// <summary>Writes a mutated copy of <paramref name="solutionFolder"/> into <paramref name="targetFolder"/>.</summary>
    public void Apply(string solutionFolder, string targetFolder)
    {
        KataCopy.Copy(solutionFolder, targetFolder);
        foreach (MutantEdit edit in Edits)
        {
            string path = Path.Combine(targetFolder, edit.File);
            if (!File.Exists(path))
            {
                throw new FormatException($"Mutant {Name}: the solution has no file {edit.File}.");
            }

            string text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
            int first = text.IndexOf(edit.Find, StringComparison.Ordinal);
            if (first < 0 || text.IndexOf(edit.Find, first + 1, StringComparison.Ordinal) >= 0)
            {
                throw new FormatException($"Mutant {Name}: the lines to replace in {edit.File} occur {(first < 0 ? "nowhere" : "more than once")}; " +
                                          "update the mutant to match the solution.");
            }

            File.WriteAllText(path, text[..first] + edit.Replace + text[(first + edit.Find.Length)..]);
        }
    }
}

/// <summary>One replacement in one file of a solution.</summary>
internal sealed record MutantEdit(string File, string Find, string Replace);
