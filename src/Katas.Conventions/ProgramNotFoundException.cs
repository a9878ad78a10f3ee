namespace Katas.Conventions;

/// <summary>A program the repository needs (git, dotnet) could not be started: it is not installed or not on the PATH.</summary>
public sealed class ProgramNotFoundException : Exception
{
    /// <summary>Creates the exception for <paramref name="program"/>.</summary>
    /// <param name="program">The program that could not be started.</param>
    /// <param name="inner">The operating system's error, when there was one.</param>
    public ProgramNotFoundException(string program, Exception? inner)
        : base($"{program} could not be started: it is not installed or not on the PATH.", inner) => Program = program;

    /// <summary>The program that could not be started.</summary>
    public string Program { get; }
}
