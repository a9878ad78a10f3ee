using System.Reflection;

namespace Katas.Conventions;

/// <summary>
/// What the build wrote into an assembly about the katas (build/KataSource.targets): its KataFolder ("01-linreg") for a
/// kata's tests and kit, the KataSource it was built against, where the tool's worker is. One reader for all of them.
/// </summary>
public static class KataMetadata
{
    /// <summary>The value of the assembly's <c>[AssemblyMetadata(key, value)]</c>, or null when it has none.</summary>
    public static string? Of(Assembly? assembly, string key) =>
        assembly?.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(attribute => attribute.Key == key)?.Value;

    /// <summary>The kata folder ("01-linreg") a kata's test project or kit was built for.</summary>
    /// <exception cref="InvalidOperationException">The assembly's project names no &lt;KataFolder&gt;.</exception>
    public static string KataFolderOf(Assembly assembly) =>
        Of(assembly, "KataFolder")
        ?? throw new InvalidOperationException($"{assembly.GetName().Name} names no kata: its project needs <KataFolder>NN-name</KataFolder> (build/ProjectKinds.props).");
}
