using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Katas.Runner.Protocol;

namespace Katas.Runner.Supervision;

/// <summary>
/// One worker process (tools/Katas.Worker): started, told what to run on its standard input, read line by line from its
/// standard output (only lines that carry its key), and killed when it is no longer trusted. What it writes to its
/// standard error is kept, so a crash can be explained by its last words.
/// </summary>
public sealed class WorkerProcess : IDisposable
{
    private const int KeptErrorLines = 200;

    /// <summary>Lines that name a crash's cause, kept however much the process writes after them (a long stack trace).</summary>
    private static readonly string[] CrashMarkers = ["Stack overflow", "terminate called", "what():", "Unhandled exception", "Fatal error"];
    private readonly Process _process;
    private readonly string _key;
    private readonly BlockingCollection<WorkerEvent> _events = new();
    private readonly Queue<string> _errors = new();
    private readonly List<string> _markers = [];
    private int _keepAfterMarker;
    /// <summary>How long Dispose waits for the output readers to see the killed process's pipes close.</summary>
    private static readonly TimeSpan ReaderGrace = TimeSpan.FromSeconds(5);

    private readonly Thread _reader;
    private readonly Thread _errorReader;

    private WorkerProcess(Process process, string key)
    {
        _process = process;
        _key = key;
        _reader = new Thread(ReadEvents) { IsBackground = true, Name = "worker events" };
        _errorReader = new Thread(ReadErrors) { IsBackground = true, Name = "worker errors" };
        _reader.Start();
        _errorReader.Start();
    }

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>Whether the worker said it is ready (and has not yet been given a run).</summary>
    public bool IsReady { get; private set; }

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The exit code, once the process has ended.</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>Starts a worker; it loads what it needs and says <see cref="WorkerEventKind.Ready"/> on its own.</summary>
    /// <exception cref="InvalidOperationException">dotnet could not be started.</exception>
    public static WorkerProcess Start(WorkerStart start)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = start.WorkingDirectory ?? Environment.CurrentDirectory,
        };
        info.ArgumentList.Add(start.WorkerAssembly);

        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach ((string name, string value) in start.Environment)
        {
            info.Environment[name] = value;
        }

        Process process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the katas' test worker (dotnet).");
        string key = WorkerChannel.NewKey();
        process.StandardInput.WriteLine(key);
        process.StandardInput.WriteLine(JsonSerializer.Serialize(new WorkerSetup(start.TestAssembly, start.KataAssemblyName, start.Kata), WorkerChannel.Json));
        process.StandardInput.Flush();
        return new WorkerProcess(process, key);
    }

    /// <summary>Waits until the worker is ready; false when it ended or did not answer within <paramref name="timeout"/>.</summary>
    public bool WaitReady(TimeSpan timeout)
    {
        if (IsReady)
        {
            return true;
        }

        _ = Next(timeout);
        return IsReady;
    }

    /// <summary>How many runs the worker was given.</summary>
    public int RunsServed { get; private set; }

    /// <summary>Asks the worker to run <paramref name="request"/>.</summary>
    public void Send(RunRequest request)
    {
        IsReady = false;
        RunsServed++;
        try
        {
            _process.StandardInput.WriteLine(JsonSerializer.Serialize(request, WorkerChannel.Json));
            _process.StandardInput.Flush();
        }
        catch (IOException)
        {
            // The worker died before it read the request: the next read says so.
        }
    }

    /// <summary>The next event; null when the worker's output ended (it exited or crashed) or nothing came within <paramref name="timeout"/>.</summary>
    public WorkerEvent? Next(TimeSpan timeout)
    {
        try
        {
            if (!_events.TryTake(out WorkerEvent? next, timeout))
            {
                return null;
            }

            // A worker that finished a run waits for the next one.
            IsReady = next.Kind is WorkerEventKind.Ready or WorkerEventKind.Done;
            return next;
        }
        catch (InvalidOperationException)
        {
            return null; // completed: the output ended
        }
    }

    /// <summary>Whether the worker's output has ended (it exited or crashed).</summary>
    public bool OutputEnded => _events.IsCompleted;

    /// <summary>Waits a moment for the process to end after its output ended, so its exit code and last words are in.</summary>
    public void WaitForExit(TimeSpan timeout)
    {
        if (_process.WaitForExit(timeout))
        {
            _errorReader.Join(timeout);
        }
    }

    /// <summary>
    /// The lines of the worker's standard error that name a crash's cause ("Stack overflow.", "terminate called ...", however
    /// long the stack trace after them), then its last lines.
    /// </summary>
    public string ErrorTail()
    {
        lock (_errors)
        {
            return string.Join('\n', _markers.Where(marker => !_errors.Contains(marker)).Concat(_errors));
        }
    }

    /// <summary>Closes the worker's standard input, as the tool's end of it closes when the tool is gone (for the tests).</summary>
    internal void CloseInput() => _process.StandardInput.Close();

    /// <summary>Ends the worker (and anything it started).</summary>
    public void Kill()
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
            // Already gone.
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Kill();
        // The readers end when the killed process's pipes close; the event queue is theirs until then. Disposing it under a
        // reader still finishing made CompleteAdding throw on that thread, which ended the whole tool (seen once in a grade).
        bool readersEnded = _reader.Join(ReaderGrace) & _errorReader.Join(ReaderGrace);
        _process.Dispose();
        if (readersEnded)
        {
            _events.Dispose();
        }
    }

    private void ReadEvents()
    {
        try
        {
            while (_process.StandardOutput.ReadLine() is { } line)
            {
                WorkerEvent? message;
                try
                {
                    message = WorkerChannel.Read<WorkerEvent>(_key, line);
                }
                catch (JsonException)
                {
                    message = null; // a line that only looks like a report: not the worker's
                }

                if (message is not null)
                {
                    _events.Add(message);
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The process went away mid-line.
        }
        finally
        {
            try
            {
                _events.CompleteAdding();
            }
            catch (ObjectDisposedException)
            {
                // Disposed after the grace period of Dispose: nobody waits on the queue any more.
            }
        }
    }

    private void ReadErrors()
    {
        try
        {
            while (_process.StandardError.ReadLine() is { } line)
            {
                lock (_errors)
                {
                    // A marker and the few lines after it ("Stack overflow." is followed by the frame that repeats).
                    if (CrashMarkers.Any(marker => line.Contains(marker, StringComparison.Ordinal)))
                    {
                        _keepAfterMarker = 5;
                    }

                    if (_keepAfterMarker > 0 && _markers.Count < KeptErrorLines)
                    {
                        _keepAfterMarker--;
                        _markers.Add(line);
                    }

                    _errors.Enqueue(line);
                    if (_errors.Count > KeptErrorLines)
                    {
                        _errors.Dequeue();
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The process went away mid-line.
        }
    }
}
