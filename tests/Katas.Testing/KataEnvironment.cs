using System.Reflection;
using Katas.Conventions;

namespace Katas.Testing;

/// <summary>Where the running test project lives and which implementation it was built against (see build/KataSource.props).</summary>
public static class KataEnvironment
{
    private static RunnerSettings? _runner;

    private static Assembly TestAssembly => _runner?.TestAssembly
        ?? (Assembly.GetEntryAssembly() is { } entry && Metadata(entry, "KataSource") is not null
            ? entry
            : AppDomain.CurrentDomain.GetAssemblies().First(assembly => Metadata(assembly, "KataTestProjectDirectory") is not null));

    /// <summary>
    /// For a runner that runs the tests in its own process (the katas' test worker): which test assembly is running,
    /// what implementation it runs against, and whether figures are animated. Environment variables can't say this
    /// there: one process runs many test assemblies, one after another.
    /// </summary>
    /// <param name="testAssembly">The test assembly now running.</param>
    /// <param name="implementation">"katas", "solutions", or the folder of the implementation under test.</param>
    /// <param name="animate">Whether figure tests also write animated GIFs.</param>
    /// <param name="snapshotFolder">Where the verified snapshots are, when not in the test project's Snapshots folder (a grading bundle).</param>
    /// <param name="artifactsFolder">The folder that receives figures (in NN-name/&lt;who&gt;/), when not the repository's artifacts/ (a grade).</param>
    public static void UseRunner(Assembly testAssembly, string implementation, bool animate, string? snapshotFolder = null, string? artifactsFolder = null) =>
        _runner = new RunnerSettings(testAssembly, implementation, animate, snapshotFolder, artifactsFolder);

    private sealed record RunnerSettings(Assembly TestAssembly, string Implementation, bool Animate, string? SnapshotFolder, string? ArtifactsFolder);

    /// <summary>The kata the running tests are for (the test project's KataFolder), e.g. 01-linreg.</summary>
    public static string Kata => KataTaskAttribute.KataFolderOf(TestAssembly) ?? Path.GetFileName(TestProjectDirectory);

    /// <summary>Where the verified figure snapshots are: the test project's Snapshots folder, unless a runner says otherwise.</summary>
    public static string SnapshotFolder => _runner?.SnapshotFolder ?? Path.Combine(TestProjectDirectory, "Snapshots");

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
    public static string KataSource => _runner?.Implementation
        ?? (Environment.GetEnvironmentVariable("KATAS_IMPLEMENTATION") is { Length: > 0 } overridden
            ? overridden
            : Metadata(TestAssembly, "KataSource") ?? KataSources.Solutions);

    /// <summary>Whether the implementation under test is the reference solutions.</summary>
    public static bool IsReferenceSolution => KataSources.IsReference(KataSource);

    /// <summary>
    /// Whether figure tests also write animated GIFs (about two seconds each): set by `katas check`
    /// through the environment variable KATAS_ANIMATIONS=1; plain `dotnet test` writes PNGs only.
    /// </summary>
    public static bool Animate => _runner?.Animate ?? Environment.GetEnvironmentVariable("KATAS_ANIMATIONS") == "1";

    /// <summary>
    /// The folder for this run's figures: artifacts/&lt;kata&gt;/yours for the learner's code,
    /// artifacts/&lt;kata&gt;/reference for the reference solutions, artifacts/&lt;kata&gt;/other otherwise.
    /// </summary>
    public static string ArtifactFolder(string kata)
    {
        string folder = _runner?.ArtifactsFolder is { } artifacts
            ? Path.Combine(artifacts, kata, KataSources.Who(KataSource))
            : ArtifactFolders.For(RepoRoot, kata, KataSource);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string? Metadata(Assembly assembly, string key) => KataMetadata.Of(assembly, key);
}
