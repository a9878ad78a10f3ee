using System.Globalization;
using System.Runtime.InteropServices;
using System.Xml.Linq;
using Katas.Conventions;
using Katas.Kits;

namespace Katas.Cli.Running;

/// <summary>
/// A kata's tests built against the reference solutions: what the test worker loads, with the learner's code swapped in
/// for the kata assembly. A course that keeps solutions/ out of the learners' copies gets them built against the stubs
/// instead: the tests only need the kata's types and members, and the worker runs the learner's code either way. Built once, and again only when something it is built from changes (a stamp file records the
/// last good build: MSBuild leaves an up-to-date assembly's time alone, so the assembly's own time can't tell).
/// </summary>
internal sealed class ReferenceTests
{
    /// <summary>Folders and files every kata's tests are built from, besides the kata's own folders.</summary>
    private static readonly string[] SharedInputs = ["src", "tests/Katas.Testing", "build", "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json"];

    private ReferenceTests(string kata, string root)
    {
        Kata = kata;
        Root = root;
        Project = Directory.GetFiles(Path.Combine(root, "tests", kata), "*.csproj").Single();
        Source = Directory.Exists(Path.Combine(root, "solutions", kata)) ? "solutions" : "katas";
        Assembly = Path.Combine(Path.GetDirectoryName(Project)!, "bin", BuildTag, "Debug", "net10.0", RuntimeIdentifier(), AssemblyNameOf(Project) + ".dll");
        string kataProject = Directory.GetFiles(Path.Combine(root, Source, kata), "*.csproj").Single();
        KataAssemblyName = AssemblyNameOf(kataProject);
    }

    /// <summary>The kata folder name.</summary>
    public string Kata { get; }

    /// <summary>The repository the tests are in.</summary>
    public string Root { get; }

    /// <summary>What the tests are built against: "solutions", or "katas" (the stubs) where the course has no solutions.</summary>
    public string Source { get; }

    /// <summary>
    /// The build folders' tag (bin/&lt;tag&gt;/, obj/&lt;tag&gt;/): the worker's own, so a `dotnet test` or an IDE's build of the same
    /// project never rewrites an assembly a warm worker has loaded (the worker then fails with "Bad IL range").
    /// </summary>
    public string BuildTag => "worker-" + Source;

    /// <summary>The test project.</summary>
    public string Project { get; }

    /// <summary>The test assembly built against <see cref="Source"/>.</summary>
    public string Assembly { get; }

    /// <summary>The kata assembly's name (the same for the stubs, the solutions and every mutant).</summary>
    public string KataAssemblyName { get; }

    private string Stamp => Path.Combine(Root, "artifacts", "worker", Kata + ".built");

    /// <summary>The reference tests of <paramref name="kata"/> in the repository at <paramref name="root"/> (default: this one).</summary>
    public static ReferenceTests Of(string kata, string? root = null) => new(kata, root ?? KataRepository.Root);

    /// <summary>Whether the last good build is newer than everything it is built from.</summary>
    public bool IsCurrent()
    {
        if (!File.Exists(Stamp) || !File.Exists(Assembly))
        {
            return false;
        }

        DateTime built = File.GetLastWriteTimeUtc(Stamp);
        return Inputs().All(file => File.GetLastWriteTimeUtc(file) <= built);
    }

    /// <summary>Builds the tests against <see cref="Source"/>; the compiler's output when that fails, else null.</summary>
    public string? Build()
    {
        DateTime started = DateTime.UtcNow;
        (int code, string output) = Dotnet.Run(["build", Project, "-nologo", "-v:q", "-clp:ErrorsOnly", $"-p:KataSource={Source}", $"-p:KataBuildTag={BuildTag}"], workingDirectory: Root);
        if (code != 0)
        {
            return output;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Stamp)!);
        File.WriteAllText(Stamp, started.ToString("O", CultureInfo.InvariantCulture));
        // Stamped with the time the build started: an edit made during the build still makes it stale.
        File.SetLastWriteTimeUtc(Stamp, started);
        return null;
    }

    private IEnumerable<string> Inputs()
    {
        // Built against the stubs, the learner's own edits must not make the tests stale: only the API matters there, and
        // a member the tests need but the learner's code lacks is named by the worker.
        IEnumerable<string> own = new[] { "tests", KataSources.IsReference(Source) ? KataSources.Solutions : null, "kits" }.OfType<string>().Select(folder => Path.Combine(Root, folder, Kata));
        foreach (string path in own.Concat(SharedInputs.Select(input => Path.Combine(Root, input))))
        {
            if (File.Exists(path))
            {
                yield return path;
            }
            else if (Directory.Exists(path))
            {
                foreach (string file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(IsBuildInput))
                {
                    yield return file;
                }
            }
        }
    }

    /// <summary>Build output, snapshots, mutants and prose don't change the test assembly.</summary>
    private bool IsBuildInput(string file)
    {
        string[] parts = Path.GetRelativePath(Root, file).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return !parts.Any(part => part is "bin" or "obj" or "Snapshots" or "Mutants") && !file.EndsWith(".md", StringComparison.Ordinal);
    }

    private static string AssemblyNameOf(string project) =>
        XDocument.Load(project).Descendants("AssemblyName").FirstOrDefault()?.Value ?? Path.GetFileNameWithoutExtension(project);

    /// <summary>The runtime identifier build/ProjectKinds.props gives test projects: os-arch, e.g. linux-x64.</summary>
    private static string RuntimeIdentifier()
    {
        string os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        return $"{os}-{RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant()}";
    }
}
