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

    /// <summary>
    /// The epochs: median wall and CPU time, GFLOP/s and share of the matmul rate by CPU time, ratios against the targets
    /// (wall: the median of each round's ratio, the two runs of a round being next to each other in time; CPU: the ratio of
    /// the medians), and what training reached.
    /// </summary>
    public BenchReport EpochTable(DenseBench.Settings settings, string data, PyTorchInstall? install)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var table = new BenchReport(FormattableString.Invariant(
                $"One training epoch, median of {BuiltIn.Count} alternating rounds ({settings.Threads} thread(s), batch {settings.Batch}, {data})"),
            "epoch", "wall s", "CPU s", "GFLOP/s by CPU s", "share of matmul", "ratio: wall | CPU", "loss after", "training accuracy");
        MatmulRate ours = Matmul!;
        table.AddRow("float32 matmul, TorchSharp: 1024³ | batch×784×512", "", "", $"{F(ours.Square, "0.0")} | {F(ours.Layer, "0.0")}", "", "", "", "");
        if (PyTorchMatmul is not null)
        {
            table.AddRow("float32 matmul, PyTorch: 1024³ | batch×784×512", "", "", $"{F(PyTorchMatmul.Square, "0.0")} | {F(PyTorchMatmul.Layer, "0.0")}", "", "", "", "");
        }

        bool book = settings.Batch == BookSettings.BatchSize;
        string pytorchRatio = "";
        if (PyTorch.Count > 0)
        {
            (double wall, double cpu) = Ratios(BuiltIn, PyTorch);
            pytorchRatio = $"{F(wall, "0.00")} | {F(cpu, "0.00")}× PyTorch" + Verdict(wall <= DenseBench.PyTorchTarget && cpu <= DenseBench.PyTorchTarget, $"≤ {F(DenseBench.PyTorchTarget, "0.0")}");
        }

        AddEpoch(table, "built in (RMSprop), the kit's loop", BuiltIn, ours, pytorchRatio, book);
        if (PyTorch.Count > 0)
        {
            AddEpoch(table, $"the same in {install?.Name}", PyTorch, PyTorchMatmul!, "", false);
        }

        (double scratchWall, double scratchCpu) = Ratios(FromScratch, BuiltIn);
        AddEpoch(table, DenseRuns.Name(DenseNetwork.FromScratch) + ", the kit's loop", FromScratch, ours,
            $"{F(scratchWall, "0.00")} | {F(scratchCpu, "0.00")}× built in" + Verdict(scratchWall <= DenseBench.FromScratchTarget && scratchCpu <= DenseBench.FromScratchTarget,
                $"≤ {F(DenseBench.FromScratchTarget, "0.0")}"), false);
        (double fitWall, double fitCpu) = Ratios(LearnersFit, BuiltIn);
        AddEpoch(table, "built in, the learner's BuiltInNetwork.Fit as written", LearnersFit, ours, $"{F(fitWall, "0.00")} | {F(fitCpu, "0.00")}× the kit's loop", false);
        table.AddNote(FormattableString.Invariant(
            $"FLOPs counted per image: {DenseBench.FlopsPerImage / 1e6:0.000} M (forward, weight gradients, hidden-layer input gradient, and the epoch's closing evaluation forward pass). ") +
            "GFLOP/s and the share of the same side's best matmul rate are by the epoch's CPU time (the thread's), which waiting for a busy core does not inflate; " +
            $"by wall time the built-in epoch ran at {F(Gflops(Median(BuiltIn.Select(e => e.Seconds))), "0.0")} GFLOP/s.");
        if (install?.BlasNote is string blas && PyTorch.Count > 0)
        {
            table.AddNote(blas);
        }

        table.AddNote("Every epoch starts from the same weights and visits the images in the same order (PyTorch gets both from the benchmark), so the loss and accuracy columns agree up to rounding: the same work.");
        return table;

        static string Verdict(bool met, string target) => $" (target {target}: {(met ? "met" : "MISSED")})";
    }

    /// <summary>Where an epoch's time goes, phase by phase (medians of the thread's CPU time), for each side: the profile behind the ratios.</summary>
    public BenchReport ProfileTable(bool withPyTorch)
    {
        var columns = new List<string> { "phase", "built in, ours" };
        if (withPyTorch)
        {
            columns.Add("built in, PyTorch");
        }

        columns.Add("from scratch, ours");
        var table = new BenchReport("Where the epoch's time goes (median CPU seconds of the thread per phase, and share of the epoch's CPU time)", [.. columns]);
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
            ("the rest (loop, scopes, loss sum, timers)", e => e.CpuSeconds - e.Phases.Total),
            ("whole epoch", e => e.CpuSeconds),
        ];
        foreach ((string name, Func<TimedEpoch, double> phase) in phases)
        {
            table.AddRow([name, .. sides.Select(side => Cell(Median(side.Select(phase)), Median(side.Select(e => e.CpuSeconds))))]);
        }

        table.AddNote("The forward, backward and update times of the training steps are mostly matrix products: at the matmul rate of the first table they would take " +
            F(Images * DenseBench.StepFlopsPerImage / 1e9 / Matmul!.Best, "0.00") + " s on our side; the evaluation's forward pass " +
            F(Images * (DenseBench.FlopsPerImage - DenseBench.StepFlopsPerImage) / 1e9 / Matmul.Best, "0.00") + " s.");
        return table;

        static string Cell(double seconds, double epoch) => $"{F(seconds, "0.000")} ({F(100 * seconds / epoch, "0")}%)";
    }

    /// <summary>
    /// <paramref name="ours"/> against <paramref name="theirs"/>: the median of the rounds' wall-time ratios (each round's
    /// two runs were next to each other in time, so a slow stretch of a shared machine hits both), and the ratio of the
    /// median CPU times.
    /// </summary>
    public static (double Wall, double Cpu) Ratios(IReadOnlyList<TimedEpoch> ours, IReadOnlyList<TimedEpoch> theirs)
    {
        ArgumentNullException.ThrowIfNull(ours);
        ArgumentNullException.ThrowIfNull(theirs);
        return (Median(ours.Zip(theirs, (a, b) => a.Seconds / b.Seconds)), Median(ours.Select(e => e.CpuSeconds)) / Median(theirs.Select(e => e.CpuSeconds)));
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
        BuiltInMedianCpuSeconds = Median(BuiltIn.Select(e => e.CpuSeconds)),
        PyTorchWallRatio = PyTorch.Count > 0 ? Ratios(BuiltIn, PyTorch).Wall : (double?)null,
        PyTorchCpuRatio = PyTorch.Count > 0 ? Ratios(BuiltIn, PyTorch).Cpu : (double?)null,
        PyTorchMedianSeconds = PyTorch.Count > 0 ? Median(PyTorch.Select(e => e.Seconds)) : (double?)null,
        FromScratchMedianSeconds = Median(FromScratch.Select(e => e.Seconds)),
        LearnersFitMedianSeconds = Median(LearnersFit.Select(e => e.Seconds)),
    };

    private void AddEpoch(BenchReport table, string name, List<TimedEpoch> epochs, MatmulRate matmul, string ratio, bool target)
    {
        double cpu = Median(epochs.Select(e => e.CpuSeconds));
        double gflops = Gflops(cpu);
        double share = gflops / matmul.Best;
        string shareCell = F(100 * share, "0") + "%" + (target ? $" (target ≥ {F(100 * DenseBench.Target, "0")}%: {(share >= DenseBench.Target ? "met" : "MISSED")})" : "");
        TimedEpoch last = epochs[^1];
        table.AddRow(name, F(Median(epochs.Select(e => e.Seconds)), "0.000"), F(cpu, "0.000"), F(gflops, "0.0"), shareCell, ratio, F(last.Loss, "0.0000"), F(last.Accuracy, "0.0000"));
    }
}
