using System.Reflection;
using Katas.Figures;

namespace Katas.Testing;

/// <summary>Where the running test project lives and which implementation it was built against (see build/KataSource.props).</summary>
public static class KataEnvironment
{
    private static Assembly TestAssembly => Assembly.GetEntryAssembly() is { } entry && Metadata(entry, "KataSource") is not null
        ? entry
        : AppDomain.CurrentDomain.GetAssemblies().First(assembly => Metadata(assembly, "KataTestProjectDirectory") is not null);

    /// <summary>The test project's source folder (where its Snapshots folder is).</summary>
    public static string TestProjectDirectory => Metadata(TestAssembly, "KataTestProjectDirectory")
        ?? throw new InvalidOperationException("The test assembly does not record its project directory.");

    /// <summary>The repository's root folder.</summary>
    public static string RepoRoot => Metadata(TestAssembly, "RepoRoot")
        ?? throw new InvalidOperationException("The test assembly does not record the repository root.");

    /// <summary>
    /// "solutions", "katas", or the folder of the implementation under test: what the tests were built against,
    /// unless KATAS_IMPLEMENTATION says otherwise (the mutant check runs the reference test build with a mutant's
    /// kata assembly swapped in, and says so there).
    /// </summary>
    public static string KataSource => Environment.GetEnvironmentVariable("KATAS_IMPLEMENTATION") is { Length: > 0 } overridden
        ? overridden
        : Metadata(TestAssembly, "KataSource") ?? "solutions";

    /// <summary>Whether the implementation under test is the reference solutions.</summary>
    public static bool IsReferenceSolution => KataSource == "solutions";

    /// <summary>
    /// Whether figure tests also write animated GIFs (about two seconds each): set by `katas check`
    /// through the environment variable KATAS_ANIMATIONS=1; plain `dotnet test` writes PNGs only.
    /// </summary>
    public static bool Animate => Environment.GetEnvironmentVariable("KATAS_ANIMATIONS") == "1";

    /// <summary>
    /// The folder for this run's figures: artifacts/&lt;kata&gt;/yours for the learner's code,
    /// artifacts/&lt;kata&gt;/reference for the reference solutions, artifacts/&lt;kata&gt;/other otherwise.
    /// </summary>
    public static string ArtifactFolder(string kata)
    {
        string folder = ArtifactFolders.For(RepoRoot, kata, KataSource);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string? Metadata(Assembly assembly, string key) =>
        assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(attribute => attribute.Key == key)?.Value;
}
