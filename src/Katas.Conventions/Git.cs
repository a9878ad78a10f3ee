namespace Katas.Conventions;

/// <summary>Runs git, never waiting for a password: reset and grade read committed files through it, and tests make repositories with it.</summary>
public static class Git
{
    /// <summary>Runs git with <paramref name="arguments"/> in <paramref name="folder"/>.</summary>
    /// <exception cref="ProgramNotFoundException">git is not installed.</exception>
    public static ProgramResult Run(string folder, params string[] arguments) =>
        ExternalProgram.Run("git", arguments, new ProgramOptions(
            WorkingDirectory: folder,
            // A clone of an address that wants a password must fail with git's message, not wait for someone to type one.
            Environment: new Dictionary<string, string> { ["GIT_TERMINAL_PROMPT"] = "0" }));
}
