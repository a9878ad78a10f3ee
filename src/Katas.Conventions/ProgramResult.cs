namespace Katas.Conventions;

/// <summary>What a program that ran to its end left: its exit code and what it printed.</summary>
/// <param name="ExitCode">Its exit code (0: success).</param>
/// <param name="Output">Its standard output.</param>
/// <param name="Error">Its standard error.</param>
/// <param name="Combined">Both, line by line in the order they arrived (what a terminal would have shown).</param>
public sealed record ProgramResult(int ExitCode, string Output, string Error, string Combined)
{
    /// <summary>Whether it exited with 0.</summary>
    public bool Succeeded => ExitCode == 0;
}
