using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Katas.Conventions;

/// <summary>
/// Runs an external program (git, dotnet, readelf, the tool itself) to its end and collects what it printed: the one
/// way the tool, the kits and the tests start a program that runs to completion. (A long-lived process that is spoken
/// to, such as the test worker or the PyTorch bench worker, keeps its own <see cref="Process"/>.)
/// </summary>
public static class ExternalProgram
{
    /// <summary>Runs <paramref name="program"/> with <paramref name="arguments"/> and waits for it to end.</summary>
    /// <param name="program">The program's name on the PATH, or its path.</param>
    /// <param name="arguments">Its arguments, each passed as one argument (no shell quoting).</param>
    /// <param name="options">Where to run it, extra environment variables, input, a callback while it runs.</param>
    /// <exception cref="ProgramNotFoundException">The program is not installed (or not on the PATH).</exception>
    public static ProgramResult Run(string program, IEnumerable<string> arguments, ProgramOptions? options = null)
    {
        options ??= new ProgramOptions();
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = options.Input is not null,
            WorkingDirectory = options.WorkingDirectory ?? "",
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach ((string name, string value) in options.Environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        var error = new StringBuilder();
        var both = new StringBuilder();
        using Process process = StartOrExplain(start);
        // Read as text chunks, not lines: git's -z listings and blobs must arrive exactly as printed (a line reader
        // would add a newline at the end and drop carriage returns).
        Task readOutput = Pump(process.StandardOutput, output, both);
        Task readError = Pump(process.StandardError, error, both);
        if (options.Input is not null)
        {
            process.StandardInput.Write(options.Input);
            process.StandardInput.Close();
        }

        while (!process.WaitForExit(500))
        {
            options.WhileRunning?.Invoke();
        }

        Task.WaitAll(readOutput, readError);
        return new ProgramResult(process.ExitCode, output.ToString(), error.ToString(), both.ToString());
    }

    private static Process StartOrExplain(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new ProgramNotFoundException(start.FileName, null);
        }
        catch (Win32Exception exception)
        {
            throw new ProgramNotFoundException(start.FileName, exception);
        }
    }

    private static async Task Pump(StreamReader reader, StringBuilder stream, StringBuilder both)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            lock (both)
            {
                stream.Append(buffer, 0, read);
                both.Append(buffer, 0, read);
            }
        }
    }
}
