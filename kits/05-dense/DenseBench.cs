using System.ComponentModel;
using Katas.Data;
using Katas.Kits;
using Spectre.Console;
using Spectre.Console.Cli;
using TorchSharp;
using static Katas.Kits.BenchStatistics;
using static TorchSharp.torch;

namespace Katas.Dense.Kit;

/// <summary>
/// `katas bench dense`: one training epoch of each network with the kit's loop (<see cref="DenseEpoch"/>), as wall time,
/// GFLOP/s and share of this machine's float32 matrix-multiply rate, where the time went, and with --pytorch the same
/// epoch in PyTorch, the runs alternating (speed targets live here, not in unit tests).
/// </summary>
[KataBench("dense", "time kata 05: one epoch of each network (GFLOP/s against float32 matmul, where the time goes; --pytorch: side by side with PyTorch)")]
public sealed class DenseBench(IAnsiConsole console) : BenchCommand<DenseBench.Settings>(console)
{
    /// <summary>The share of matmul speed the built-in network should reach at batch 128.</summary>
    public const double Target = 0.75;

    /// <summary>The from-scratch epoch should take at most this many times the built-in one.</summary>
    public const double FromScratchTarget = 1.2;

    /// <summary>The built-in epoch should take at most this many times PyTorch's, measured in the same run.</summary>
    public const double PyTorchTarget = 1.0;

    /// <summary>
    /// Multiply-adds ×2 per training image of the 784-512-10 network: the forward pass (784·512 + 512·10), the
    /// weight gradients (the same again) and the hidden layer's input gradient (512·10); plus the forward pass of
    /// the evaluation on the training data that closes every epoch. Element-wise work (bias, ReLU, softmax, the
    /// update) is under 1% and not counted.
    /// </summary>
    public const double FlopsPerImage = StepFlopsPerImage + 2.0 * (784 * 512 + 512 * 10);

    /// <summary>The training step's share of <see cref="FlopsPerImage"/>: forward, weight gradients, the hidden layer's input gradient.</summary>
    public const double StepFlopsPerImage = 2.0 * ((784 * 512 + 512 * 10) * 2 + 512 * 10);

    /// <summary>Seeds the epoch's order (the generator the learner's Fit would shuffle with gives the same permutation).</summary>
    public const int ShuffleSeed = 7;

    /// <summary>The command line of `katas bench dense`.</summary>
    public sealed class Settings : BenchSettings
    {
        [CommandOption("--data <DIR>")]
        [Description("Fashion-MNIST folder (default: the full set in /usr/share/datasets/fashion-mnist if installed, else the shipped subset)")]
        public string? Data { get; init; }

        [WholeNumber(1, 60000)]
        [CommandOption("--batch <B>")]
        [Description("images per batch, 1..60000")]
        [DefaultValue(BookSettings.BatchSize)]
        public int Batch { get; init; } = BookSettings.BatchSize;

        [WholeNumber(1, 64)]
        [CommandOption("--threads <T>")]
        [Description("CPU threads for TorchSharp and PyTorch, 1..64 (the matmul reference uses the same)")]
        [DefaultValue(1)]
        public int Threads { get; init; } = 1;

        [WholeNumber(1, 50)]
        [CommandOption("--repeats <K>")]
        [Description("epochs of each kind, alternating; the tables give medians, 1..50")]
        [DefaultValue(5)]
        public int Repeats { get; init; } = 5;

        [CommandOption("--pytorch")]
        [Description("also run the built-in network's epoch in PyTorch (python3-torch), alternating with ours, and print the ratio")]
        public bool PyTorch { get; init; }

        public override ValidationResult Validate()
        {
            return Data is not null && !Directory.Exists(Data)
                ? ValidationResult.Error($"--data: there is no folder \"{Data}\".")
                : ValidationResult.Success();
        }
    }

    /// <inheritdoc />
    protected override int Threads(Settings settings) => settings.Threads;

    /// <inheritdoc />
    protected override string Heading(Settings settings) => FormattableString.Invariant(
        $"Kata 05 benchmark: one training epoch of each network, float32, batch {settings.Batch}, {settings.Repeats} alternating repeats");

    /// <inheritdoc />
    protected override BenchResult Measure(Settings settings, BenchRun run)
    {
        string? folder = settings.Data ?? (Directory.Exists(FashionMnist.DebianFolder) ? FashionMnist.DebianFolder : null);
        DenseData data;
        // A missing or malformed data file ends the command with the data error code (3), naming the file.
        // The test split is not used here: one picture of it keeps DenseData whole without its memory.
        data = DenseData.Load(folder, testLimit: 1);

        using (data)
        using (var epoch = new DenseEpoch(data.TrainImages, data.TrainLabels, settings.Batch))
        using (Tensor order = torch.randperm(data.Train.Count, generator: new Generator(ShuffleSeed)))
        using (var start = DenseStart.Draw())
        using (DensePyTorch? pytorch = settings.PyTorch ? DensePyTorch.Start(data, order, start, settings, run) : null)
        {
            run.Say($"Data: {data.Train.Source}");
            var timings = new DenseTimings(data.Train.Count);
            timings.AddMatmul(MatmulRate.Measure(settings.Batch), pytorch?.Matmul());
            for (int repeat = 0; repeat < settings.Repeats; repeat++)
            {
                // One of each per round, alternating, so a busy second on a shared machine hits every kind alike.
                timings.BuiltIn.Add(start.TrainBuiltIn(epoch, order));
                if (pytorch is not null)
                {
                    timings.PyTorch.Add(pytorch.Epoch());
                }

                timings.FromScratch.Add(DenseStart.TrainFromScratch(epoch, order));
                timings.LearnersFit.Add(start.FitAsWritten(data, settings.Batch));
                string pytorchTime = pytorch is null ? "" : $", PyTorch {F(timings.PyTorch[^1].Seconds, "0.00")} s";
                run.Say($"Round {repeat + 1} of {settings.Repeats}: built in {F(timings.BuiltIn[^1].Seconds, "0.00")} s{pytorchTime}, " +
                    $"from scratch {F(timings.FromScratch[^1].Seconds, "0.00")} s, the learner's Fit {F(timings.LearnersFit[^1].Seconds, "0.00")} s");
            }

            timings.AddMatmul(MatmulRate.Measure(settings.Batch), pytorch?.Matmul());
            BenchReport epochs = timings.EpochTable(settings, data.Train.Source.ToString(), pytorch?.Install);
            BenchReport profile = timings.ProfileTable(pytorch is not null);
            run.Show(epochs);
            run.Show(profile);
            bool defaults = settings.Data is null && settings.Batch == BookSettings.BatchSize && settings.Threads == 1;
            string block = !defaults ? FormattableString.Invariant($"dense-batch-{settings.Batch}-threads-{settings.Threads}")
                : pytorch is null ? "dense" : "dense-pytorch";
            return new BenchResult(DenseRuns.Kata, block, [epochs, profile], timings.Figures());
        }
    }
}
