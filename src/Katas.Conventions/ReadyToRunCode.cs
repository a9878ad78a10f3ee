using System.Reflection.PortableExecutable;

namespace Katas.Conventions;

/// <summary>Whether the build precompiled an assembly (build/ReadyToRun.targets): one reader for the tests of every project that lists some.</summary>
public static class ReadyToRunCode
{
    /// <summary>Whether <paramref name="assemblyFile"/> carries ReadyToRun code beside its IL (a ManagedNativeHeader).</summary>
    public static bool In(string assemblyFile)
    {
        using var reader = new PEReader(File.OpenRead(assemblyFile));
        return reader.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
    }
}
