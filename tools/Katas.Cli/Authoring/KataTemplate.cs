using Katas.Kits;

namespace Katas.Cli.Authoring;

/// <summary>
/// The new-kata template in templates/kata/: a working one-task kata (a stub, its reference, a tagged test class, a figure
/// snapshot, mutants, hints, a rubric, a kit with a demo, a docs page). Its folders katas/, solutions/, tests/ and kits/
/// become the kata's folders of the same names; docs/ goes to docs/.
/// </summary>
internal static class KataTemplate
{
    private static readonly string[] KataFolders = ["katas", "solutions", "tests", "kits"];

    /// <summary>The template's folder.</summary>
    public static string Folder => Path.Combine(KataRepository.Root, "templates", "kata");

    /// <summary>Every file the template writes for <paramref name="kata"/>: (template file, where it goes), relative to the repository.</summary>
    /// <exception cref="UsageException">The template is missing, or one of the files it would write exists already.</exception>
    public static IReadOnlyList<(string From, string To)> Plan(NewKata kata)
    {
        if (!Directory.Exists(Folder))
        {
            throw new UsageException($"The new-kata template is missing: {KataRepository.Relative(Folder)}/ (it comes with the course repository).");
        }

        var plan = new List<(string From, string To)>();
        foreach (string file in Directory.GetFiles(Folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string relative = Path.GetRelativePath(Folder, file).Replace('\\', '/');
            string top = relative[..relative.IndexOf('/', StringComparison.Ordinal)];
            string rest = relative[(top.Length + 1)..];
            string to = KataFolders.Contains(top) ? $"{top}/{kata.Folder}/{kata.FillPath(rest)}" : $"{top}/{kata.FillPath(rest)}";
            plan.Add((file, to));
        }

        List<string> existing = KataFolders.Select(top => $"{top}/{kata.Folder}").Concat(plan.Select(step => step.To))
            .Where(path => Path.Exists(Path.Combine(KataRepository.Root, path))).ToList();
        if (existing.Count > 0)
        {
            throw new UsageException($"{kata.Folder} would overwrite what is there: {string.Join(", ", existing)}.");
        }

        return plan;
    }

    /// <summary>Writes the <paramref name="plan"/>'s files with the kata's names filled in.</summary>
    public static void Write(NewKata kata, IReadOnlyList<(string From, string To)> plan)
    {
        foreach ((string from, string to) in plan)
        {
            string target = Path.Combine(KataRepository.Root, to);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, kata.Fill(File.ReadAllText(from)));
        }
    }
}
