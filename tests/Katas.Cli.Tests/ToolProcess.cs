using Katas.Conventions;

namespace Katas.Cli.Tests;

/// <summary>Runs the katas tool (katas.dll beside the tests) as a learner would, with extra environment variables and input.</summary>
internal static class ToolProcess
{
    /// <summary>Runs `katas <paramref name="arguments"/>` in <paramref name="workingDirectory"/> (default: the repository); returns its exit code and output.</summary>
    public static (int ExitCode, string Output, string Error) Run(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null,
        string? workingDirectory = null, string? input = null)
    {
        // No input is an empty, closed input: a question the tool asks must not wait for the test host's console.
        ProgramResult tool = ExternalProgram.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "katas.dll"), .. arguments],
            new ProgramOptions(workingDirectory ?? Testing.KataEnvironment.RepoRoot, environment, input ?? ""));
        return (tool.ExitCode, tool.Output, tool.Error);
    }
}
