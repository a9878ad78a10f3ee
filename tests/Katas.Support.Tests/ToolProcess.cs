using System.Diagnostics;

namespace Katas.Support.Tests;

/// <summary>Runs the katas tool (katas.dll beside the tests) as a learner would, with extra environment variables and input.</summary>
internal static class ToolProcess
{
    /// <summary>Runs `katas <paramref name="arguments"/>` in <paramref name="workingDirectory"/> (default: the repository); returns its exit code and output.</summary>
    public static (int ExitCode, string Output, string Error) Run(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null,
        string? workingDirectory = null, string? input = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            WorkingDirectory = workingDirectory ?? Testing.KataEnvironment.RepoRoot,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "katas.dll"));
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach ((string name, string value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using Process process = Process.Start(start)!;
        if (input is not null)
        {
            process.StandardInput.Write(input);
        }

        process.StandardInput.Close();
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }
}
