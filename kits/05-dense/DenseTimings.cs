using Katas.Kits;
using Katas.Kits.PyTorch;
using static Katas.Kits.BenchStatistics;

namespace Katas.Dense.Kit;

/// <summary>The timed epochs of one `katas bench dense` run, and the tables made of them.</summary>
/// <param name="Images">Training images per epoch.</param>
public sealed class DenseTimings(long Images)
{
    /// <summary>Built-in network, the kit's loop.</summary>
    public List<TimedEpoch> BuiltIn { get; } = [];

    /// <summary>The same epoch in PyTorch (empty without --pytorch).</summary>
    public List<TimedEpoch> PyTorch { get; } = [];

    /// <summary>From-scratch network, the kit's loop.</summary>
    public List<TimedEpoch> FromScratch { get; } = [];

    /// <summary>Built-in network, trained by the learner's BuiltInNetwork.Fit as written.</summary>
    public List<TimedEpoch> LearnersFit { get; } = [];

    /// <summary>TorchSharp's matmul rate, the best seen.</summary>
    public MatmulRate? Matmul { get; private set; }

    /// <summary>PyTorch's matmul rate, the best seen (null without PyTorch).</summary>
    public MatmulRate? PyTorchMatmul { get; private set; }

    /// <summary>Records a measurement of both sides' matmul rates (before and after the epochs; the best counts).</summary>
    public void AddMatmul(MatmulRate ours, MatmulRate? pytorch)
    {
        ArgumentNullException.ThrowIfNull(ours);
        Matmul = Matmul is null ? ours : MatmulRate.BestOf(Matmul, ours);
        if (pytorch is not null)
        {
            PyTorchMatmul = PyTorchMatmul is null ? pytorch : MatmulRate.BestOf(PyTorchMatmul, pytorch);
        }
    }

    /// <summary>GFLOP/s of an epoch that took <paramref name="seconds"/>.</summary>
    public double Gflops(double seconds) => Images * DenseBench.FlopsPerImage / seconds / 1e9;

    /// <summary>The epochs: median and fastest time, GFLOP/s, share of the matmul rate, ratios against the targets, and what training reached.</summary>
    public BenchReport EpochTable(DenseBench.Settings settings, string data, PyTorchInstall? install)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var table = new BenchReport(FormattableString.Invariant(
                $"One training epoch, median of {BuiltIn.Count} alternating repeats ({settings.Threads} thread(s), batch {settings.Batch}, {data})"),
            "epoch", "median s", "fastest s", "GFLOP/s", "share of matmul", "ratio", "loss after", "training accuracy");
        MatmulRate ours = Matmul!;
        table.AddRow("float32 matmul, TorchSharp: 1024³ | batch×784×512", "", "", $"{F(ours.Square, "0.0")} | {F(ours.Layer, "0.0")}", "", "", "", "");
        if (PyTorchMatmul is not null)
        {
            table.AddRow("float32 matmul, PyTorch: 1024³ | batch×784×512", "", "", $"{F(PyTorchMatmul.Square, "0.0")} | {F(PyTorchMatmul.Layer, "0.0")}", "", "", "", "");
        }

        bool book = settings.Batch == BookSettings.BatchSize;
        double builtIn = Median(BuiltIn.Select(e => e.Seconds));
        string pytorchRatio = "";
        if (PyTorch.Count > 0)
        {
            double ratio = builtIn / Median(PyTorch.Select(e => e.Seconds));
            pytorchRatio = $"{F(ratio, "0.00")}× PyTorch" + Verdict(ratio <= DenseBench.PyTorchTarget, $"≤ {F(DenseBench.PyTorchTarget, "0.0")}");
        }

        AddEpoch(table, "built in (RMSprop), the kit's loop", BuiltIn, ours, pytorchRatio, book ? $"≥ {F(100 * DenseBench.Target, "0")}%" : null);
        if (PyTorch.Count > 0)
        {
            AddEpoch(table, $"the same in PyTorch {install?.TorchVersion}", PyTorch, PyTorchMatmul!, "", null);
        }

        double fromScratch = Median(FromScratch.Select(e => e.Seconds)) / builtIn;
        AddEpoch(table, DenseRuns.Name(DenseNetwork.FromScratch) + ", the kit's loop", FromScratch, ours,
            $"{F(fromScratch, "0.00")}× built in" + Verdict(fromScratch <= DenseBench.FromScratchTarget, $"≤ {F(DenseBench.FromScratchTarget, "0.0")}"), null);
        AddEpoch(table, "built in, the learner's BuiltInNetwork.Fit as written", LearnersFit, ours,
            $"{F(Median(LearnersFit.Select(e => e.Seconds)) / builtIn, "0.00")}× the kit's loop", null);
        table.AddNote(FormattableString.Invariant(
            $"FLOPs counted per image: {DenseBench.FlopsPerImage / 1e6:0.000} M (forward, weight gradients, hidden-layer input gradient, and the epoch's closing evaluation forward pass); a share is of the same side's best matmul rate."));
        if (PyTorch.Count > 0)
        {
            table.AddNote($"By CPU time, which waiting for a busy core does not inflate: built in {F(Median(BuiltIn.Select(e => e.CpuSeconds)), "0.000")} s, " +
                $"PyTorch {F(Median(PyTorch.Select(e => e.CpuSeconds)), "0.000")} s, ratio {F(Median(BuiltIn.Select(e => e.CpuSeconds)) / Median(PyTorch.Select(e => e.CpuSeconds)), "0.00")}×.");
        }

        table.AddNote("Every epoch starts from the same weights and visits the images in the same order (PyTorch gets both from the benchmark), so the loss and accuracy columns agree up to rounding: the same work.");
        return table;

        static string Verdict(bool met, string target) => $" (target {target}: {(met ? "met" : "MISSED")})";
    }

    /// <summary>Where an epoch's time goes, phase by phase (medians), for each side: the profile behind the ratios.</summary>
    public BenchReport ProfileTable(bool withPyTorch)
    {
        var columns = new List<string> { "phase", "built in, ours" };
        if (withPyTorch)
        {
            columns.Add("built in, PyTorch");
        }

        columns.Add("from scratch, ours");
        var table = new BenchReport("Where the epoch's time goes (median seconds per phase, and share of the epoch)", [.. columns]);
        var sides = new List<List<TimedEpoch>> { BuiltIn };
        if (withPyTorch)
        {
            sides.Add(PyTorch);
        }

        sides.Add(FromScratch);
        (string Name, Func<TimedEpoch, double> Phase)[] phases =
        [
            ("shuffle (one index_copy_ per epoch)", e => e.Phases.Shuffle),
            ("forward + loss", e => e.Phases.Forward),
            ("backward", e => e.Phases.Backward),
            ("optimizer step (from scratch: all of TrainingStep.Take)", e => e.Phases.Update),
            ("evaluation (training accuracy, chunks of 5,000)", e => e.Phases.Evaluation),
            ("the rest (loop, scopes, loss sum, timers)", e => e.Seconds - e.Phases.Total),
            ("whole epoch", e => e.Seconds),
        ];
        foreach ((string name, Func<TimedEpoch, double> phase) in phases)
        {
            table.AddRow([name, .. sides.Select(side => Cell(Median(side.Select(phase)), Median(side.Select(e => e.Seconds))))]);
        }

        table.AddNote("The forward, backward and update times of the training steps are mostly matrix products: at the matmul rate of the first table they would take " +
            F(Images * DenseBench.StepFlopsPerImage / 1e9 / Matmul!.Best, "0.00") + " s on our side; the evaluation's forward pass " +
            F(Images * (DenseBench.FlopsPerImage - DenseBench.StepFlopsPerImage) / 1e9 / Matmul.Best, "0.00") + " s.");
        return table;

        static string Cell(double seconds, double epoch) => $"{F(seconds, "0.000")} ({F(100 * seconds / epoch, "0")}%)";
    }

    /// <summary>Every timing at full precision, for --json.</summary>
    public object Figures() => new
    {
        Images,
        FlopsPerImage = DenseBench.FlopsPerImage,
        Matmul,
        PyTorchMatmul,
        BuiltIn,
        PyTorch,
        FromScratch,
        LearnersFit,
        BuiltInMedianSeconds = Median(BuiltIn.Select(e => e.Seconds)),
        PyTorchMedianSeconds = PyTorch.Count > 0 ? Median(PyTorch.Select(e => e.Seconds)) : (double?)null,
        FromScratchMedianSeconds = Median(FromScratch.Select(e => e.Seconds)),
        LearnersFitMedianSeconds = Median(LearnersFit.Select(e => e.Seconds)),
    };

    private void AddEpoch(BenchReport table, string name, List<TimedEpoch> epochs, MatmulRate matmul, string ratio, string? target)
    {
        double median = Median(epochs.Select(e => e.Seconds));
        double gflops = Gflops(median);
        double share = gflops / matmul.Best;
        string shareCell = F(100 * share, "0") + "%" + (target is null ? "" : $" (target {target}: {(share >= DenseBench.Target ? "met" : "MISSED")})");
        TimedEpoch last = epochs[^1];
        table.AddRow(name, F(median, "0.000"), F(epochs.Min(e => e.Seconds), "0.000"), F(gflops, "0.0"), shareCell, ratio, F(last.Loss, "0.0000"), F(last.Accuracy, "0.0000"));
    }
}
