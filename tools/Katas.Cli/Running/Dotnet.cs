using System.Diagnostics;
using System.Text;
using Katas.Kits;

namespace Katas.Cli.Running;

/// <summary>Runs the dotnet command (build, test) and collects what it prints.</summary>
internal static class Dotnet
{
    /// <summary>Runs dotnet with <paramref name="arguments"/>; returns its exit code and its output.</summary>
    /// <param name="arguments">The arguments.</param>
    /// <param name="environment">Extra environment variables.</param>
    /// <param name="workingDirectory">Where to run it (default: the repository root).</param>
    /// <param name="whileRunning">Called about twice a second while dotnet runs.</param>
    public static (int ExitCode, string Output) Run(IEnumerable<string> arguments, Dictionary<string, string>? environment = null,
        string? workingDirectory = null, Action? whileRunning = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? KataRepository.Root,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach ((string name, string value) in environment ?? [])
        {
            start.Environment[name] = value;
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        while (!process.WaitForExit(500))
        {
            whileRunning?.Invoke();
        }

        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }
}
