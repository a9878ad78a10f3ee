using System.Text.Json;
using Katas.Kits;

namespace Katas.Cli.Mutants;

/// <summary>
/// A kata's tests built against the reference solutions, reused for every mutant: a mutant changes only
/// the kata's own assembly, whose public API is the solution's.
/// </summary>
internal sealed class ReferenceBuild
{
    private ReferenceBuild(string testAssembly, string kataProjectFile, string kataAssemblyFile)
    {
        TestAssembly = testAssembly;
        KataProjectFile = kataProjectFile;
        KataAssemblyFile = kataAssemblyFile;
    }

    /// <summary>The test assembly built against the reference solutions.</summary>
    public string TestAssembly { get; }

    /// <summary>The kata project's file name (the same in solutions/ and in every mutant's copy).</summary>
    public string KataProjectFile { get; }

    /// <summary>The kata assembly's file name, e.g. Katas.Linreg.dll.</summary>
    public string KataAssemblyFile { get; }

    /// <summary>Builds kata <paramref name="kata"/>'s tests against the reference solutions (quick when up to date).</summary>
    /// <exception cref="InvalidOperationException">The reference build fails.</exception>
    public static ReferenceBuild Of(string kata)
    {
        string testProject = KataRepository.TestProject(kata);
        (int code, string output) = TestRun.Dotnet(["build", testProject, "-nologo", "-clp:ErrorsOnly", "-p:KataSource=solutions",
            // With -getProperty alone MSBuild only evaluates the project: -t:Build makes it build first, so the
            // mutants are tested against the tests as they are now, not a stale build.
            "-t:Build", "-getProperty:TargetPath"]);
        if (code != 0)
        {
            throw new InvalidOperationException($"The tests of {kata} don't build against the reference solutions:\n{output}");
        }

        string solutionProject = Directory.GetFiles(Path.Combine(KataRepository.Root, "solutions", kata), "*.csproj").Single();
        return new ReferenceBuild(output.Trim().Split('\n')[^1].Trim(), Path.GetFileName(solutionProject), Path.GetFileName(OutputOf(solutionProject)));
    }

    /// <summary>Where a plain library project (a kata project or its copy) puts its assembly: bin/Debug/net10.0/&lt;AssemblyName&gt;.dll.</summary>
    public static string OutputOf(string project)
    {
        string assemblyName = System.Xml.Linq.XDocument.Load(project).Descendants("AssemblyName").FirstOrDefault()?.Value
                              ?? Path.GetFileNameWithoutExtension(project);
        return Path.Combine(Path.GetDirectoryName(project)!, "bin", "Debug", "net10.0", assemblyName + ".dll");
    }

    /// <summary>
    /// Makes <paramref name="runFolder"/> the reference test build with <paramref name="kataAssembly"/> in place of the
    /// reference kata assembly: copies of the managed files, links to the native libraries (libtorch alone is hundreds of megabytes).
    /// </summary>
    public void LinkRunFolder(string runFolder, string kataAssembly)
    {
        if (Directory.Exists(runFolder))
        {
            Directory.Delete(runFolder, recursive: true);
        }

        Directory.CreateDirectory(runFolder);
        string referenceFolder = Path.GetDirectoryName(TestAssembly)!;
        string kataStem = Path.GetFileNameWithoutExtension(KataAssemblyFile);
        foreach (string entry in Directory.EnumerateFileSystemEntries(referenceFolder))
        {
            string name = Path.GetFileName(entry);
            if (Path.GetFileNameWithoutExtension(name) == kataStem)
            {
                continue;
            }

            // .NET takes a test assembly's folder from its real path, so a linked test assembly would load the
            // reference kata assembly beside its target: copy the managed files, link only the big native libraries.
            bool big = !Directory.Exists(entry) && new FileInfo(entry).Length > 8 * 1024 * 1024;
            if (big || Directory.Exists(entry))
            {
                Link(entry, Path.Combine(runFolder, name), Directory.Exists(entry));
            }
            else
            {
                File.Copy(entry, Path.Combine(runFolder, name));
            }
        }

        foreach (string extension in new[] { ".dll", ".pdb" })
        {
            string file = Path.ChangeExtension(kataAssembly, extension);
            if (File.Exists(file))
            {
                File.Copy(file, Path.Combine(runFolder, kataStem + extension));
            }
        }
    }

    private static void Link(string target, string link, bool isDirectory)
    {
        try
        {
            if (isDirectory)
            {
                Directory.CreateSymbolicLink(link, target);
            }
            else
            {
                File.CreateSymbolicLink(link, target);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Windows without the right to make symbolic links: copy instead (slower, same result).
            if (isDirectory)
            {
                KataCopy.CopyTree(target, link);
            }
            else
            {
                File.Copy(target, link);
            }
        }
    }
}
