using System.Globalization;
using System.Reflection;
using Katas.Conventions;

namespace Katas.Kits;

/// <summary>The kata repository the tool runs in, its katas, and which implementation this build of the tool runs.</summary>
public static class KataRepository
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder holding Katas.slnx.</summary>
    public static string Root => RootPath.Value;

    /// <summary>The artifacts folder (figures, test results, mutant builds), git-ignored.</summary>
    public static string Artifacts => Path.Combine(Root, "artifacts");

    /// <summary>Kata folder names (00-tensors, 01-linreg, ...) in order: every folder of katas/ named NN-name.</summary>
    public static IReadOnlyList<string> Katas =>
        Directory.GetDirectories(Path.Combine(Root, "katas"))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(IsKataFolderName)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Whether <paramref name="name"/> looks like a kata folder: two digits, a dash, a name.</summary>
    public static bool IsKataFolderName(string name) => name.Length > 3 && char.IsAsciiDigit(name[0]) && char.IsAsciiDigit(name[1]) && name[2] == '-';

    /// <summary>Resolves "01", "1" or "01-linreg" to a kata folder name.</summary>
    /// <exception cref="UsageException">There is no such kata.</exception>
    public static string ResolveKata(string argument)
    {
        string? match = Katas.FirstOrDefault(kata => kata == argument
            || (int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out int number)
                && kata.StartsWith(number.ToString("00", CultureInfo.InvariantCulture) + "-", StringComparison.Ordinal)));
        return match ?? throw new UsageException($"There is no kata \"{argument}\". Katas: {string.Join(", ", Katas)}.");
    }

    /// <summary>Which implementation of the katas this build of the tool runs ("solutions" unless built with KataSource).</summary>
    public static string KataSource =>
        KataMetadata.Of(Assembly.GetEntryAssembly() ?? typeof(KataRepository).Assembly, "KataSource") ?? KataSources.Solutions;

    /// <summary>In words, what <see cref="KataSource"/> is.</summary>
    public static string BuiltAgainst => KataSources.Describe(KataSource);

    /// <summary>Where the tool writes a kata's figures: artifacts/&lt;kata&gt;/reference, /yours or /other, as the tests do.</summary>
    public static string FigureFolder(string kata) => ArtifactFolders.For(Root, kata, KataSource);

    /// <summary>The kata's test project file.</summary>
    public static string TestProject(string kata) =>
        Directory.GetFiles(Path.Combine(Root, "tests", kata), "*.csproj").Single();

    /// <summary>A path relative to the repository root, for messages.</summary>
    public static string Relative(string path) => Path.GetRelativePath(Root, path);

    private static string FindRoot()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Katas.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new UsageException("Run this tool inside the kata repository (no Katas.slnx found above the current folder).");
    }
}
