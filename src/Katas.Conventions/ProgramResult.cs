namespace Katas.Conventions;

/// <summary>What a program that ran to its end left: its exit code and what it printed.</summary>
/// <param name="ExitCode">Its exit code (0: success).</param>
/// <param name="Output">Its standard output.</param>
/// <param name="Error">Its standard error.</param>
/// <param name="Combined">Both, in the order their text arrived (what a terminal would have shown, up to the order of
/// writes that came at the same moment).</param>
public sealed record ProgramResult(int ExitCode, string Output, string Error, string Combined)
{
    /// <summary>Whether it exited with 0.</summary>
    public bool Succeeded => ExitCode == 0;
}
