using Katas.Cli;
using Spectre.Console.Testing;

namespace Katas.Cli.Tests;

/// <summary>
/// Runs the katas tool's command line inside the test process: the same <see cref="KatasApp"/> as `./kata`, with its console
/// and error lines captured, in milliseconds instead of a process start. Paths on the command line are taken as the tool
/// would take them from the repository's root only when they are absolute; tests of relative paths, exit codes of the
/// process and the wrapper use <see cref="ToolProcess"/>.
/// </summary>
internal static class InProcessTool
{
    /// <summary>Runs `katas <paramref name="arguments"/>`; returns its exit code, its console output and its error lines.</summary>
    /// <param name="arguments">The command line.</param>
    /// <param name="width">The console's width: by default the one the tool uses when its output is redirected, as in a log.</param>
    public static (int ExitCode, string Output, string Error) Run(IEnumerable<string> arguments, int width = 100)
    {
        using var console = new TestConsole().Width(width);
        using var errors = new StringWriter();
        int exitCode = KatasApp.Run([.. arguments], console, errors);
        return (exitCode, console.Output, errors.ToString());
    }
}
