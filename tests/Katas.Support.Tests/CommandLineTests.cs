using System.Diagnostics;
using FluentAssertions;

namespace Katas.Support.Tests;

/// <summary>The katas tool refuses bad command lines with a usage message and exit code 2.</summary>
public sealed class CommandLineTests
{
    [TestCase("no-such-command", "Unknown command \"no-such-command\"")]
    [TestCase("check 99", "There is no kata \"99\"")]
    [TestCase("check 01 --task x", "--task must be a whole number from 1 to 99; got \"x\"")]
    [TestCase("check --task 2", "--task needs a kata")]
    [TestCase("demo --fast", "Unknown option --fast")]
    [TestCase("reproduce extra", "Unexpected argument \"extra\"")]
    [TestCase("verify everything", "use verify stubs or verify mutants")]
    [TestCase("check 01 --task", "The option --task needs a value")]
    public void A_bad_command_line_gets_a_usage_error_and_exit_code_2(string arguments, string message)
    {
        (int exitCode, string error) = RunTool(arguments);
        exitCode.Should().Be(2);
        error.Should().Contain(message).And.Contain("usage: dotnet run --project tools/Katas.Cli");
    }

    private static (int ExitCode, string Error) RunTool(string arguments)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(AppContext.BaseDirectory, "katas.dll")}\" {arguments}")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Testing.KataEnvironment.RepoRoot,
        };
        using Process process = Process.Start(start)!;
        string error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error);
    }
}
