using System.Diagnostics;
using Katas.Kits;

namespace Katas.Cli;

/// <summary>Runs git in the repository (reset and grade read the committed files through it).</summary>
internal static class Git
{
    /// <summary>Runs git with <paramref name="arguments"/> in the repository root; returns its exit code, output and error output.</summary>
    /// <exception cref="UsageException">git is not installed.</exception>
    public static (int ExitCode, string Output, string Error) Run(params string[] arguments) => RunIn(KataRepository.Root, arguments);

    /// <summary>Runs git with <paramref name="arguments"/> in <paramref name="folder"/>; returns its exit code, output and error output.</summary>
    /// <exception cref="UsageException">git is not installed.</exception>
    public static (int ExitCode, string Output, string Error) RunIn(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        // A clone of an address that wants a password must fail with git's message, not wait for someone to type one.
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using Process process = Process.Start(start) ?? throw new UsageException("Could not start git.");
            Task<string> error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output, error.Result);
        }
        catch (System.ComponentModel.Win32Exception)
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
