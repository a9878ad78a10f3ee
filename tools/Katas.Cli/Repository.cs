namespace Katas.Cli;

/// <summary>The kata repository the tool runs in, and its katas.</summary>
internal static class Repository
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder holding Katas.sln.</summary>
    public static string Root => RootPath.Value;

    public static string Artifacts => Path.Combine(Root, "artifacts");

    /// <summary>Kata folder names (01-linreg, ...) in order.</summary>
    public static IReadOnlyList<string> Katas =>
        Directory.GetDirectories(Path.Combine(Root, "katas"))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name.Length > 3 && char.IsDigit(name[0]) && char.IsDigit(name[1]) && name[2] == '-')
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Resolves "01", "1" or "01-linreg" to a kata folder name.</summary>
    public static string ResolveKata(string argument)
    {
        string? match = Katas.FirstOrDefault(kata => kata == argument
            || (int.TryParse(argument, out int number) && kata.StartsWith(number.ToString("00", System.Globalization.CultureInfo.InvariantCulture) + "-", StringComparison.Ordinal)));
        return match ?? throw new UsageException($"There is no kata \"{argument}\". Katas: {string.Join(", ", Katas)}.");
    }

    /// <summary>Which implementation of the katas this build of the tool runs ("solutions" unless built with -p:KataSource).</summary>
    public static string KataSource =>
        typeof(Repository).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .OfType<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(attribute => attribute.Key == "KataSource")?.Value ?? "solutions";

    /// <summary>In words, what <see cref="KataSource"/> is.</summary>
    public static string BuiltAgainst => KataSource switch
    {
        "solutions" => "reference solutions",
        "katas" => "your code in katas/",
        _ => "implementation in " + KataSource,
    };

    /// <summary>Where the tool writes a kata's figures: artifacts/&lt;kata&gt;/reference, /yours or /other, as the tests do.</summary>
    public static string FigureFolder(string kata) => ArtifactFolders.For(Root, kata, KataSource);

    /// <summary>The kata's test project file.</summary>
    public static string TestProject(string kata) =>
        Directory.GetFiles(Path.Combine(Root, "tests", kata), "*.Tests.csproj").Single();

    private static string FindRoot()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Katas.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new UsageException("Run this tool inside the kata repository (no Katas.sln found above the current folder).");
    }
}
