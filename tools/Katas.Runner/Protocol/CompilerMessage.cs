namespace Katas.Runner.Protocol;

/// <summary>A compiler error or warning, or a member the tests need that the kata lacks, at a place in a kata file.</summary>
/// <param name="IsError">Error (the kata does not build) or warning (listed, not fatal).</param>
/// <param name="Id">The compiler's id (CS0103), or "API" for a missing member.</param>
/// <param name="File">The file, relative to the kata folder, or "" when the message has no place.</param>
/// <param name="Line">The line, from 1; 0 when there is no place.</param>
/// <param name="Column">The column, from 1; 0 when there is no place.</param>
/// <param name="Message">What the compiler said.</param>
public sealed record CompilerMessage(bool IsError, string Id, string File, int Line, int Column, string Message)
{
    /// <summary>The message as a compiler prints it: "Loss.cs(12,9): error CS0103: ...".</summary>
    public override string ToString() =>
        (File.Length == 0 ? "" : $"{File}({Line},{Column}): ") + (IsError ? "error " : "warning ") + $"{Id}: {Message}";
}
