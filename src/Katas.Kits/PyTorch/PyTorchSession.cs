using System.Text.Json;
using Katas.Conventions;

namespace Katas.Kits.PyTorch;

/// <summary>
/// The PyTorch side of a side-by-side benchmark: a temporary folder the benchmark writes its work into (.npy files) and a
/// script of the kit, started on it, that is asked one command at a time. Disposing ends the script and deletes the folder.
/// </summary>
public sealed class PyTorchSession : IDisposable
{
    private readonly PyTorchWorker _worker;
    private readonly TemporaryFolder _folder;

    private PyTorchSession(PyTorchWorker worker, TemporaryFolder folder)
    {
        _worker = worker;
        _folder = folder;
    }

    /// <summary>The Python and PyTorch the script runs on.</summary>
    public PyTorchInstall Install => _worker.Install;

    /// <summary>
    /// Finds PyTorch, lets <paramref name="write"/> fill a new temporary folder, and starts <paramref name="script"/>
    /// (kits/KATA/pytorch/SCRIPT) with the folder and <paramref name="arguments"/>, pinned to <paramref name="threads"/>
    /// threads. Null, after saying how to install PyTorch, when there is none: the benchmark then prints its own figures only.
    /// </summary>
    public static PyTorchSession? Start(string kata, string script, Action<string> write, IEnumerable<string> arguments, int threads, BenchRun run)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(run);
        if (PyTorchWorker.Find(out string reason) is not PyTorchInstall install)
        {
            run.Say(reason + " Without it: our figures only.");
            return null;
        }

        var folder = new TemporaryFolder($"katas-bench-{kata}-");
        try
        {
            write(folder.FullName);
            PyTorchWorker worker = PyTorchWorker.Start(install, Path.Combine(KataRepository.Root, "kits", kata, "pytorch", script), [folder.FullName, .. arguments], threads);
            run.Say($"{install.Name}, Python {install.PythonVersion} ({install.Python}), {threads} thread(s): the same work, alternating with ours.");
            return new PyTorchSession(worker, folder);
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }

    /// <summary>Sends one command to the script and returns its reply.</summary>
    public JsonElement Ask(object command) => _worker.Ask(command);

    /// <inheritdoc />
    public void Dispose()
    {
        _worker.Dispose();
        _folder.Dispose();
    }
}
