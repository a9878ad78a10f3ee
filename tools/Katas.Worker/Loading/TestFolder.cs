using System.Reflection;
using System.Runtime.Loader;

namespace Katas.Worker.Loading;

/// <summary>
/// The worker carries the libraries every kata's tests share (TorchSharp, NUnit, Katas.Testing, ...). Anything else a
/// kata's tests need is loaded from their build folder, once, into the default context, where it stays for later runs.
/// </summary>
internal static class TestFolder
{
    /// <summary>Resolves assemblies the worker lacks from <paramref name="folder"/>.</summary>
    public static void UseForMissingAssemblies(string folder) =>
        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            string path = Path.Combine(folder, name.Name + ".dll");
            return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
        };

    /// <summary>The names of the assemblies in <paramref name="folder"/> that reference <paramref name="kataAssembly"/>: the tests and the kit.</summary>
    public static IReadOnlySet<string> KataDependents(string folder, string kataAssembly)
    {
        var dependents = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string file in Directory.GetFiles(folder, "*.dll"))
        {
            AssemblyName[] references;
            try
            {
                using var stream = File.OpenRead(file);
                using var reader = new System.Reflection.PortableExecutable.PEReader(stream);
                if (!reader.HasMetadata)
                {
                    continue;
                }

                var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(reader);
                references = metadata.AssemblyReferences.Select(handle => metadata.GetAssemblyReference(handle).GetAssemblyName()).ToArray();
                if (references.Any(reference => string.Equals(reference.Name, kataAssembly, StringComparison.OrdinalIgnoreCase)))
                {
                    dependents.Add(Path.GetFileNameWithoutExtension(file));
                }
            }
            catch (BadImageFormatException)
            {
                // A native library.
            }
        }

        return dependents;
    }
}
