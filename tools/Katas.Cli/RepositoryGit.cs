using Katas.Conventions;
using Katas.Kits;

namespace Katas.Cli;

/// <summary>git for the tool's commands (reset and grade read the committed files through it): a missing git or a failed call is a <see cref="UsageException"/>.</summary>
internal static class RepositoryGit
{
    /// <summary>Runs git with <paramref name="arguments"/> in the repository root; returns its exit code, output and error output.</summary>
    /// <exception cref="UsageException">git is not installed.</exception>
    public static (int ExitCode, string Output, string Error) Run(params string[] arguments) => RunIn(KataRepository.Root, arguments);

    /// <summary>Runs git with <paramref name="arguments"/> in <paramref name="folder"/>; returns its exit code, output and error output.</summary>
    /// <exception cref="UsageException">git is not installed.</exception>
    public static (int ExitCode, string Output, string Error) RunIn(string folder, params string[] arguments)
    {
        try
        {
            ProgramResult result = Git.Run(folder, arguments);
            return (result.ExitCode, result.Output, result.Error);
        }
        catch (ProgramNotFoundException)
        {
            throw new UsageException("This command needs git, and git is not installed (or not on the PATH): https://git-scm.com/downloads.");
        }
    }

    /// <summary>Runs git and returns its output; a failure is a <see cref="UsageException"/> quoting git.</summary>
    public static string Output(params string[] arguments) => OutputIn(KataRepository.Root, arguments);

    /// <summary>Runs git in <paramref name="folder"/> and returns its output; a failure is a <see cref="UsageException"/> quoting git.</summary>
    public static string OutputIn(string folder, params string[] arguments)
    {
        (int exitCode, string output, string error) = RunIn(folder, arguments);
        return exitCode == 0
            ? output
            : throw new UsageException($"git {string.Join(' ', arguments)} failed: {error.Trim()}");
    }
}
