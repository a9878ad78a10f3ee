namespace Katas.Conventions;

/// <summary>How <see cref="ExternalProgram.Run"/> runs a program.</summary>
/// <param name="WorkingDirectory">Where to run it (default: the current folder).</param>
/// <param name="Environment">Environment variables to set or override for it.</param>
/// <param name="Input">Text written to its standard input, which is then closed (default: no input stream).</param>
/// <param name="WhileRunning">Called about twice a second while it runs (a progress display).</param>
public sealed record ProgramOptions(
    string? WorkingDirectory = null,
    IReadOnlyDictionary<string, string>? Environment = null,
    string? Input = null,
    Action? WhileRunning = null);
