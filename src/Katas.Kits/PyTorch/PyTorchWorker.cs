using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Katas.Kits.PyTorch;

/// <summary>
/// A Python script running PyTorch beside a benchmark, for side-by-side timings: the benchmark sends one JSON command per
/// line on its stdin and reads one JSON reply per line from its stdout, so C# and PyTorch repetitions can alternate in one
/// run. Both sides are pinned to the same thread count (torch.set_num_threads in the script, and the BLAS and OpenMP
/// thread variables here). Nothing else in the katas needs Python.
/// </summary>
public sealed class PyTorchWorker : IDisposable
{
    /// <summary>What to install where PyTorch is missing.</summary>
    public const string InstallHint =
        "On Debian or Ubuntu: sudo apt-get install python3-torch libopenblas0-pthread (PyTorch 1.13 on OpenBLAS); " +
        "or point KATAS_PYTHON at a python3 that can `import torch`.";

    private readonly Process _process;
    private readonly StringBuilder _errors = new();

    private PyTorchWorker(Process process, PyTorchInstall install)
    {
        _process = process;
        Install = install;
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_errors)
                {
                    _errors.AppendLine(e.Data);
                }
            }
        };
        _process.BeginErrorReadLine();
    }

    /// <summary>The Python and PyTorch the script runs on.</summary>
    public PyTorchInstall Install { get; }

    /// <summary>
    /// The first Python that can import torch: $KATAS_PYTHON, then the system's /usr/bin/python3 (Debian's python3-torch
    /// lives there; a pyenv python3 may come first on PATH), then python3 on PATH. Null, with the reason, when none can.
    /// </summary>
    public static PyTorchInstall? Find(out string reason)
    {
        var tried = new List<string>();
        foreach (string python in Candidates())
        {
            tried.Add(python);
            if (Probe(python) is PyTorchInstall install)
            {
                reason = "";
                return install;
            }
        }

        reason = $"PyTorch was not found (no `import torch` in {string.Join(", ", tried)}). {InstallHint}";
        return null;
    }

    /// <summary>
    /// Starts <paramref name="script"/> with <paramref name="arguments"/> on <paramref name="install"/>'s Python, pinned to
    /// <paramref name="threads"/> threads, and waits for its first line, which must be a JSON object (it says it is ready).
    /// </summary>
    /// <exception cref="InvalidOperationException">The script failed to start or to say it is ready (its stderr is in the message).</exception>
    public static PyTorchWorker Start(PyTorchInstall install, string script, IEnumerable<string> arguments, int threads)
    {
        ArgumentNullException.ThrowIfNull(install);
        var start = new ProcessStartInfo(install.Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-u");
        start.ArgumentList.Add(script);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        string count = threads.ToString(CultureInfo.InvariantCulture);
        foreach (string variable in new[] { "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS" })
        {
            start.Environment[variable] = count;
        }

        start.Environment["KATAS_THREADS"] = count;
        if (install.CoreOverride is string core)
        {
            start.Environment[OpenBlasCore.Variable] = core;
        }

        // The same allocator settings as this side (GlibcMalloc), so neither side page-faults more than the other.
        foreach ((string variable, string value) in GlibcMalloc.ChildEnvironment)
        {
            start.Environment[variable] = value;
        }

        Process process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {install.Python}.");
        var worker = new PyTorchWorker(process, install);
        try
        {
            worker.ReadReply();
        }
        catch
        {
            worker.Dispose();
            throw;
        }

        return worker;
    }

    /// <summary>Sends <paramref name="command"/> (serialised to one JSON line) and returns the script's one-line JSON reply.</summary>
    /// <exception cref="InvalidOperationException">The script ended, or replied with {"error": ...}.</exception>
    public JsonElement Ask(object command)
    {
        _process.StandardInput.WriteLine(JsonSerializer.Serialize(command));
        _process.StandardInput.Flush();
        return ReadReply();
    }

    /// <summary>Asks the script to quit, and ends it if it does not within 10 s.</summary>
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.WriteLine("{\"command\": \"quit\"}");
                _process.StandardInput.Close();
                if (!_process.WaitForExit(10_000))
                {
                    _process.Kill();
                }
            }
        }
        catch (IOException)
        {
            // The script is gone already.
        }

        _process.Dispose();
    }

    private JsonElement ReadReply()
    {
        string? line = _process.StandardOutput.ReadLine();
        if (line is null)
        {
            _process.WaitForExit(5_000);
            throw new InvalidOperationException($"The PyTorch script ended without replying. Its errors:\n{Errors()}");
        }

        JsonElement reply;
        try
        {
            reply = JsonDocument.Parse(line).RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"The PyTorch script replied with a line that is not JSON: {line}\nIts errors:\n{Errors()}", e);
        }

        if (reply.ValueKind == JsonValueKind.Object && reply.TryGetProperty("error", out JsonElement error))
        {
            throw new InvalidOperationException($"The PyTorch script failed: {error}\n{Errors()}");
        }

        return reply;
    }

    private string Errors()
    {
        lock (_errors)
        {
            return _errors.ToString();
        }
    }

    private static IEnumerable<string> Candidates()
    {
        if (Environment.GetEnvironmentVariable("KATAS_PYTHON") is { Length: > 0 } chosen)
        {
            yield return chosen;
        }

        if (File.Exists("/usr/bin/python3"))
        {
            yield return "/usr/bin/python3";
        }

        yield return OperatingSystem.IsWindows() ? "python" : "python3";
    }

    private static PyTorchInstall? Probe(string python)
    {
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // OpenBLAS loads with torch and, verbose, says which kernels it chose (one thread, so it starts no pool to say it).
        start.Environment[OpenBlasCore.VerboseVariable] = "2";
        start.Environment["OPENBLAS_NUM_THREADS"] = "1";
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("import torch, sys; print(torch.__version__); print(sys.version.split()[0])");
        try
        {
            using Process? process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task<string> errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(120_000))
            {
                process.Kill();
                return null;
            }

            string[] lines = output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (process.ExitCode != 0 || lines.Length < 2)
            {
                return null;
            }

            string? core = OpenBlasCore.Reported(errors.Result);
            return new PyTorchInstall(python, lines[0], lines[1], core, OpenBlasCore.Override(core, BenchMachine.ProcessorFlags()));
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no such program
        }
    }
}

/// <summary>A Python that can import torch.</summary>
/// <param name="Python">The program.</param>
/// <param name="TorchVersion">torch.__version__.</param>
/// <param name="PythonVersion">Python's version.</param>
/// <param name="BlasCore">The kernels OpenBLAS chose when torch loaded it, or null when it did not say (not OpenBLAS).</param>
/// <param name="CoreOverride">The kernels the bench sets instead (<see cref="OpenBlasCore.Override"/>), or null.</param>
public sealed record PyTorchInstall(string Python, string TorchVersion, string PythonVersion, string? BlasCore = null, string? CoreOverride = null)
{
    /// <summary>For the bench's tables: "PyTorch 1.13.0a0 (OpenBLAS, SkylakeX kernels)", or "PyTorch 2.5.0" on another BLAS.</summary>
    public string Name => OpenBlasCore.Describe(BlasCore, CoreOverride) is string blas ? $"PyTorch {TorchVersion} ({blas})" : $"PyTorch {TorchVersion}";

    /// <summary>Why the bench chose PyTorch's kernels, for a table's notes; null when OpenBLAS's own choice stands.</summary>
    public string? BlasNote => OpenBlasCore.Note(BlasCore, CoreOverride);
}
