using System.Reflection;
using System.Runtime.Loader;

namespace Katas.Worker.Loading;

/// <summary>
/// One run's load context: the learner's compiled kata, and the kata's tests and kit that use it (from the test build
/// folder), so the next save gets a fresh context and this one can be unloaded. Everything else resolves to the default
/// context, where TorchSharp and the shared libraries stay loaded.
/// </summary>
internal sealed class LearnerLoadContext : AssemblyLoadContext
{
    private readonly string _folder;
    private readonly IReadOnlySet<string> _dependents;
    private readonly Assembly _kata;

    /// <summary>Loads the learner's assembly into a new collectible context.</summary>
    /// <param name="folder">The test build folder.</param>
    /// <param name="dependents">Names of the assemblies there that use the kata (loaded here, not shared).</param>
    /// <param name="image">The learner's compiled kata.</param>
    /// <param name="symbols">Its portable PDB.</param>
    public LearnerLoadContext(string folder, IReadOnlySet<string> dependents, byte[] image, byte[]? symbols)
        : base("learner kata", isCollectible: true)
    {
        _folder = folder;
        _dependents = dependents;
        using var imageStream = new MemoryStream(image);
        using var symbolStream = symbols is null ? null : new MemoryStream(symbols);
        _kata = LoadFromStream(imageStream, symbolStream);
    }

    /// <summary>The learner's kata assembly.</summary>
    public Assembly Kata => _kata;

    /// <summary>
    /// Loads <paramref name="name"/> (a test or kit assembly) from the test build folder into this context. From its file,
    /// not from memory: NUnit names a test assembly by its location. (The supervisor stops its workers before it rebuilds
    /// the tests, so the file is free then on Windows too.)
    /// </summary>
    public Assembly LoadDependent(string name) => LoadFromAssemblyPath(Path.Combine(_folder, name + ".dll"));

    /// <inheritdoc />
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (string.Equals(assemblyName.Name, _kata.GetName().Name, StringComparison.OrdinalIgnoreCase))
        {
            return _kata;
        }

        return assemblyName.Name is { } name && _dependents.Contains(name) ? LoadDependent(name) : null;
    }
}
