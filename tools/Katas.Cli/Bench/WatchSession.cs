using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Katas.Kits;

namespace Katas.Cli.Bench;

/// <summary>
/// `./kata watch` as a learner runs it, in a child process whose board the benchmark reads line by line, each line stamped
/// with the moment it arrived: the time from a save to a board line is what the learner waits.
/// </summary>
internal sealed class WatchSession : IDisposable
{
    private readonly Process _process;
    private readonly BlockingCollection<(string Line, long At)> _lines = new();
    private readonly List<string> _all = [];

    /// <summary>Starts `watch KATA --source FOLDER --stay --timings` with this very tool.</summary>
    public WatchSession(string kata, string katasFolder)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = KataRepository.Root,
        };
        foreach (string argument in new[] { Path.Combine(AppContext.BaseDirectory, "katas.dll"), "watch", kata, "--source", katasFolder, "--stay", "--timings" })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start ./kata watch.");
        _process.OutputDataReceived += (_, e) => Received(e.Data);
        _process.ErrorDataReceived += (_, e) => Received(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Everything watch printed so far.</summary>
    public string Transcript
    {
        get
        {
            lock (_all)
            {
                return string.Join('\n', _all);
            }
        }
    }

    /// <summary>Waits for a line matching <paramref name="pattern"/>; returns the time it arrived (<see cref="Stopwatch.GetTimestamp"/>) and the line.</summary>
    /// <exception cref="TimeoutException">No such line came within <paramref name="timeout"/>.</exception>
    public (long At, string Line) WaitFor(Regex pattern, TimeSpan timeout)
    {
        long deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            long left = deadline - Stopwatch.GetTimestamp();
            if (left <= 0 || !_lines.TryTake(out (string Line, long At) next, TimeSpan.FromSeconds((double)left / Stopwatch.Frequency)))
            {
                throw new TimeoutException($"watch printed no line matching /{pattern}/ within {timeout.TotalSeconds:0} s. It printed:\n{Transcript}");
            }

            if (pattern.IsMatch(next.Line))
            {
                return (next.At, next.Line);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Gone already.
        }

        _process.Dispose();
        _lines.Dispose();
    }

    private void Received(string? line)
    {
        if (line is null)
        {
            return;
        }

        long at = Stopwatch.GetTimestamp();
        lock (_all)
        {
            _all.Add(line);
        }

        if (!_lines.IsAddingCompleted)
        {
            _lines.Add((line, at));
        }
    }
}
