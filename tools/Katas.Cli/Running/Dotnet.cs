using Katas.Conventions;
using Katas.Kits;

namespace Katas.Cli.Running;

/// <summary>Runs the dotnet command (build, test) quietly in the repository and collects what it prints.</summary>
internal static class Dotnet
{
    /// <summary>Runs dotnet with <paramref name="arguments"/>; returns its exit code and its output (standard output and error, as printed).</summary>
    /// <param name="arguments">The arguments.</param>
    /// <param name="environment">Extra environment variables.</param>
    /// <param name="workingDirectory">Where to run it (default: the repository root).</param>
    /// <param name="whileRunning">Called about twice a second while dotnet runs.</param>
    public static (int ExitCode, string Output) Run(IEnumerable<string> arguments, Dictionary<string, string>? environment = null,
        string? workingDirectory = null, Action? whileRunning = null)
    {
        var variables = new Dictionary<string, string> { ["DOTNET_NOLOGO"] = "1", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" };
        foreach ((string name, string value) in environment ?? [])
        {
            variables[name] = value;
        }

        ProgramResult result = ExternalProgram.Run("dotnet", arguments, new ProgramOptions(workingDirectory ?? KataRepository.Root, variables, WhileRunning: whileRunning));
        return (result.ExitCode, result.Combined);
    }
}
