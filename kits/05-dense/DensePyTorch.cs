using System.Globalization;
using System.Text.Json;
using Katas.Kits;
using Katas.Kits.PyTorch;
using static TorchSharp.torch;

namespace Katas.Dense.Kit;

/// <summary>
/// The PyTorch side of `katas bench dense --pytorch`: pytorch/dense_epoch.py, given the same training images (as bytes),
/// labels, epoch order and initial weights as the C# side through .npy files, and asked for one epoch at a time.
/// </summary>
public sealed class DensePyTorch : PyTorchSide
{
    private DensePyTorch(PyTorchSession session)
        : base(session)
    {
    }

    /// <summary>Writes the work and starts the script; null (having said how to install PyTorch) when there is none.</summary>
    public static DensePyTorch? Start(DenseData data, Tensor order, DenseStart start, DenseBench.Settings settings, BenchRun run)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(settings);
        PyTorchSession? session = PyTorchSession.Start(DenseRuns.Kata, "dense_epoch.py", folder =>
        {
            NpyFile.Write(Path.Combine(folder, "images.npy"), data.Train.Pixels.Span, [data.Train.Count, data.Train.Rows * data.Train.Columns]);
            NpyFile.Write(Path.Combine(folder, "labels.npy"), data.TrainLabels);
            NpyFile.Write(Path.Combine(folder, "order.npy"), order);
            foreach ((string name, Tensor value) in start.InitialParameters)
            {
                NpyFile.Write(Path.Combine(folder, name + ".npy"), value);
            }
        }, [settings.Batch.ToString(CultureInfo.InvariantCulture)], settings.Threads, run);
        return session is null ? null : new DensePyTorch(session);
    }

    /// <summary>One epoch of the built-in network in PyTorch, from the initial weights, in the same order.</summary>
    public TimedEpoch Epoch()
    {
        JsonElement reply = Session.Ask(new { command = "epoch" });
        double Get(string name) => reply.GetProperty(name).GetDouble();
        return new TimedEpoch(Get("seconds"), Get("cpu_seconds"), new EpochPhases(Get("shuffle"), Get("forward"), Get("backward"), Get("update"), Get("evaluation")), Get("loss"), Get("accuracy"));
    }

    /// <summary>PyTorch's own float32 matmul rate at the benchmark's two shapes.</summary>
    public MatmulRate Matmul()
    {
        JsonElement reply = Session.Ask(new { command = "matmul" });
        return new MatmulRate(reply.GetProperty("square").GetDouble(), reply.GetProperty("layer").GetDouble());
    }
}
