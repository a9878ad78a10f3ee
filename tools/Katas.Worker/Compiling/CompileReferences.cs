using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;

namespace Katas.Worker.Compiling;

/// <summary>
/// What a kata compiles against, as its project file says: the .NET reference assemblies, and Katas.Support with what it
/// depends on (TorchSharp and its own dependencies), taken from the kata's test build folder.
/// </summary>
internal static class CompileReferences
{
    /// <summary>The one project every kata project references (katas/NN-name/*.csproj).</summary>
    public const string KataLibrary = "Katas.Support";

    /// <summary>The references for the kata whose tests are <paramref name="testAssembly"/>.</summary>
    public static IReadOnlyList<MetadataReference> For(string testAssembly)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(testAssembly))!;
        IEnumerable<string> framework = FrameworkReferences();
        IEnumerable<string> library = Closure(folder, KataLibrary);
        return framework.Concat(library).Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToList();
    }

    /// <summary>
    /// The reference assemblies of the running .NET (packs/Microsoft.NETCore.App.Ref), as MSBuild uses them; where only a
    /// runtime is installed, its implementation assemblies, which compile the same code.
    /// </summary>
    private static IEnumerable<string> FrameworkReferences()
    {
        string runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        Version version = Environment.Version;
        string dotnetRoot = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        string packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        string moniker = $"net{version.Major}.{version.Minor}";
        string? pack = Directory.Exists(packs)
            ? Directory.GetDirectories(packs)
                .Where(folder => Version.TryParse(Path.GetFileName(folder).Split('-')[0], out Version? v) && v.Major == version.Major && v.Minor == version.Minor)
                .Select(folder => Path.Combine(folder, "ref", moniker))
                .Where(Directory.Exists)
                .OrderByDescending(folder => folder, StringComparer.Ordinal)
                .FirstOrDefault()
            : null;
        return pack is not null
            ? Directory.GetFiles(pack, "*.dll")
            : Directory.GetFiles(runtime, "*.dll").Where(IsManaged);
    }

    /// <summary><paramref name="name"/> and every assembly of <paramref name="folder"/> it depends on, directly or not.</summary>
    private static IEnumerable<string> Closure(string folder, string name)
    {
        var found = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Queue<string>([name]);
        while (pending.Count > 0)
        {
            string next = pending.Dequeue();
            string path = Path.Combine(folder, next + ".dll");
            if (found.ContainsKey(next) || !File.Exists(path))
            {
                continue; // a framework assembly, or one the kata can't reach
            }

            found[next] = path;
            using var stream = File.OpenRead(path);
            using var reader = new PEReader(stream);
            MetadataReader metadata = reader.GetMetadataReader();
            foreach (AssemblyReferenceHandle handle in metadata.AssemblyReferences)
            {
                pending.Enqueue(metadata.GetString(metadata.GetAssemblyReference(handle).Name));
            }
        }

        return found.Values;
    }

    private static bool IsManaged(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new PEReader(stream);
            return reader.HasMetadata;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
