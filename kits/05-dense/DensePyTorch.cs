using System.Text.Json;
using Katas.Kits;
using Katas.Kits.PyTorch;
using static TorchSharp.torch;

namespace Katas.Dense.Kit;

/// <summary>
/// The PyTorch side of `katas bench dense --pytorch`: pytorch/dense_epoch.py, given the same training images (as bytes),
/// labels, epoch order and initial weights as the C# side through .npy files, and asked for one epoch at a time.
/// </summary>
public sealed class DensePyTorch : IDisposable
{
    private readonly PyTorchWorker _worker;
    private readonly string _folder;

    private DensePyTorch(PyTorchWorker worker, string folder)
    {
        _worker = worker;
        _folder = folder;
    }

    /// <summary>The Python and PyTorch it runs on.</summary>
    public PyTorchInstall Install => _worker.Install;

    /// <summary>
    /// Writes the work to a temporary folder and starts the script; null, after saying how to install PyTorch, when there
    /// is none (the benchmark then prints its own figures only).
    /// </summary>
    public static DensePyTorch? Start(DenseData data, Tensor order, DenseStart start, DenseBench.Settings settings, BenchRun run)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(run);
        if (PyTorchWorker.Find(out string reason) is not PyTorchInstall install)
        {
            run.Say(reason + " Without it: our figures only.");
            return null;
        }

        string folder = Directory.CreateTempSubdirectory("katas-bench-dense-").FullName;
        try
        {
            NpyFile.Write(Path.Combine(folder, "images.npy"), data.Train.Pixels.Span, [data.Train.Count, data.Train.Rows * data.Train.Columns]);

            NpyFile.Write(Path.Combine(folder, "labels.npy"), data.TrainLabels);
            NpyFile.Write(Path.Combine(folder, "order.npy"), order);
            foreach ((string name, Tensor value) in start.InitialParameters)
            {
                NpyFile.Write(Path.Combine(folder, name + ".npy"), value);
            }

            string script = Path.Combine(KataRepository.Root, "kits", DenseRuns.Kata, "pytorch", "dense_epoch.py");
            PyTorchWorker worker = PyTorchWorker.Start(install, script, [folder, settings.Batch.ToString(System.Globalization.CultureInfo.InvariantCulture)], settings.Threads);
            run.Say($"PyTorch {install.TorchVersion} (Python {install.PythonVersion}, {install.Python}), {settings.Threads} thread(s): the same epoch, alternating with ours.");
            return new DensePyTorch(worker, folder);
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    /// <summary>One epoch of the built-in network in PyTorch, from the initial weights, in the same order.</summary>
    public TimedEpoch Epoch()
    {
        JsonElement reply = _worker.Ask(new { command = "epoch" });
        double Get(string name) => reply.GetProperty(name).GetDouble();
        return new TimedEpoch(Get("seconds"), Get("cpu_seconds"), new EpochPhases(Get("shuffle"), Get("forward"), Get("backward"), Get("update"), Get("evaluation")), Get("loss"), Get("accuracy"));
    }

    /// <summary>PyTorch's own float32 matmul rate at the benchmark's two shapes.</summary>
    public MatmulRate Matmul()
    {
        JsonElement reply = _worker.Ask(new { command = "matmul" });
        return new MatmulRate(reply.GetProperty("square").GetDouble(), reply.GetProperty("layer").GetDouble());
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _worker.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
