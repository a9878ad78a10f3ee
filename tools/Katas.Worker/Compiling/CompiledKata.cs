using Katas.Runner.Protocol;
using Microsoft.CodeAnalysis;

namespace Katas.Worker.Compiling;

/// <summary>A kata compiled in memory: its assembly and symbols when it compiled, and the compiler's messages either way.</summary>
/// <param name="Image">The assembly, or null when it did not compile.</param>
/// <param name="Symbols">Its portable PDB (line numbers in stack traces), or null.</param>
/// <param name="Diagnostics">Errors and warnings, at the learner's own lines and columns.</param>
/// <param name="Compilation">The compilation of the learner's own code (to say where a type is declared).</param>
/// <param name="Seconds">How long compiling took.</param>
internal sealed record CompiledKata(byte[]? Image, byte[]? Symbols, IReadOnlyList<CompilerMessage> Diagnostics, Compilation Compilation, double Seconds)
{
    /// <summary>Whether it compiled.</summary>
    public bool Succeeded => Image is not null;
}
