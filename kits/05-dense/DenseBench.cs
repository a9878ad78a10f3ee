using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Katas.Data;
using Katas.Kits;
using Spectre.Console;
using Spectre.Console.Cli;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Katas.Dense.Kit;

/// <summary>
/// `katas bench dense`: one training epoch of each network, as wall time and achieved GFLOP/s, against this
/// machine's float32 matrix-multiply speed measured in the same run (speed targets live here, not in unit tests).
/// </summary>
[KataBench("dense", "time kata 05: one epoch of each network in GFLOP/s against this machine's float32 matmul")]
public sealed class DenseBench : Command<DenseBench.Settings>
{
    /// <summary>The share of matmul speed the built-in network should reach at batch 128.</summary>
    public const double Target = 0.70;

    /// <summary>
    /// Multiply-adds ×2 per training image of the 784-512-10 network: the forward pass (784·512 + 512·10), the
    /// weight gradients (the same again) and the hidden layer's input gradient (512·10); plus the forward pass of
    /// the evaluation on the training data that closes every epoch. Element-wise work (bias, ReLU, softmax, the
    /// update) is under 1% and not counted.
    /// </summary>
    public const double FlopsPerImage = StepFlopsPerImage + 2.0 * (784 * 512 + 512 * 10);

    /// <summary>The training step's share of <see cref="FlopsPerImage"/>: forward, weight gradients, the hidden layer's input gradient.</summary>
    public const double StepFlopsPerImage = 2.0 * ((784 * 512 + 512 * 10) * 2 + 512 * 10);

    /// <summary>The command line of `katas bench dense`.</summary>
    public sealed class Settings : BenchSettings
    {
        [CommandOption("--data <DIR>")]
        [Description("Fashion-MNIST folder (default: the full set in /usr/share/datasets/fashion-mnist if installed, else the shipped subset)")]
        public string? Data { get; init; }

        [CommandOption("--batch <B>")]
        [Description("images per batch, 1..60000")]
        [DefaultValue(BookSettings.BatchSize)]
        public int Batch { get; init; } = BookSettings.BatchSize;

        [CommandOption("--threads <T>")]
        [Description("CPU threads for TorchSharp, 1..64 (the matmul reference uses the same)")]
        [DefaultValue(1)]
        public int Threads { get; init; } = 1;

        public override ValidationResult Validate()
        {
            if (Batch is < 1 or > 60_000)
            {
                return ValidationResult.Error($"--batch must be a whole number from 1 to 60000; got {Batch}.");
            }

            if (Threads is < 1 or > 64)
            {
                return ValidationResult.Error($"--threads must be a whole number from 1 to 64; got {Threads}.");
            }

            return Data is not null && !Directory.Exists(Data)
                ? ValidationResult.Error($"--data: there is no folder \"{Data}\".")
                : ValidationResult.Success();
        }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        TorchRuntime.Initialise(settings.Threads);
        string? folder = settings.Data ?? (Directory.Exists(FashionMnist.DebianFolder) ? FashionMnist.DebianFolder : null);
        DenseData data;
        // A missing or malformed data file ends the command with the data error code (3), naming the file.
        data = DenseData.Load(folder);

        using (data)
        {
            string conditions = BenchDocs.Conditions();
            AnsiConsole.MarkupLine(Markup.Escape(FormattableString.Invariant(
                $"Kata 05 benchmark ({KataRepository.BuiltAgainst}, {settings.Threads} thread(s), {Environment.ProcessorCount} cores, float32, batch {settings.Batch})")));
            AnsiConsole.WriteLine($"Data: {data.Train.Source}");
            // The reference is the best float32 matmul rate seen, before and after the epochs, at a square size and at the
            // hidden layer's own shape: on a shared machine a single measurement can land in someone else's busy second.
            double square = MatmulGflops(1024, 1024, 1024, repeats: 20);
            double layer = MatmulGflops(settings.Batch, 784, 512, repeats: 50);
            var rows = new List<(DenseNetwork Network, double Seconds, EpochResult Epoch)>();
            foreach (DenseNetwork network in new[] { DenseNetwork.FromScratch, DenseNetwork.BuiltIn })
            {
                (double seconds, EpochResult epoch) = FastestEpoch(network, data, settings.Batch);
                rows.Add((network, seconds, epoch));
            }

            double stepsOnly = FastestStepsOnly(data, settings.Batch);
            square = Math.Max(square, MatmulGflops(1024, 1024, 1024, repeats: 20));
            layer = Math.Max(layer, MatmulGflops(settings.Batch, 784, 512, repeats: 50));
            double matmul = Math.Max(square, layer);
            var table = new BenchReport(FormattableString.Invariant(
                    $"One training epoch (fastest of 3), GFLOP/s against float32 matmul measured in this run ({settings.Threads} thread(s), batch {settings.Batch}, {data.Train.Source})"),
                "network", "images", "epoch seconds", "GFLOP/s", "share of matmul", "loss after", "training accuracy");
            table.AddRow("float32 matmul 1024×1024 × 1024×1024", "", "", F(square, "0.0"), F(100 * square / matmul, "0") + "%", "", "");
            table.AddRow(FormattableString.Invariant($"float32 matmul {settings.Batch}×784 × 784×512"), "", "", F(layer, "0.0"), F(100 * layer / matmul, "0") + "%", "", "");
            foreach ((DenseNetwork network, double seconds, EpochResult epoch) in rows)
            {
                double gflops = data.Train.Count * FlopsPerImage / seconds / 1e9;
                string share = F(100 * gflops / matmul, "0") + "%";
                if (network == DenseNetwork.BuiltIn && settings.Batch == BookSettings.BatchSize)
                {
                    share += gflops >= Target * matmul ? " (target ≥ 70%: met)" : " (target ≥ 70%: missed)";
                }

                table.AddRow(DenseRuns.Name(network), data.Train.Count.ToString("N0", CultureInfo.InvariantCulture), F(seconds, "0.00"), F(gflops, "0.0"), share,
                    F(epoch.Loss, "0.000"), F(epoch.Accuracy, "0.000"));
            }

            double stepsGflops = data.Train.Count * StepFlopsPerImage / stepsOnly / 1e9;
            table.AddRow("TorchSharp steps only (the kit's own loop, no shuffle, no evaluation)", data.Train.Count.ToString("N0", CultureInfo.InvariantCulture),
                F(stepsOnly, "0.00"), F(stepsGflops, "0.0"), F(100 * stepsGflops / matmul, "0") + "%", "", "");
            table.AddNote(FormattableString.Invariant(
                $"Load average when done: {BenchDocs.Load()} (other work on the machine slows both the epochs and the matmul reference)."));
            table.AddNote(FormattableString.Invariant(
                $"FLOPs counted per image: {FlopsPerImage / 1e6:0.000} M (forward, weight gradients, hidden-layer input gradient, and the epoch's closing evaluation forward pass)."));
            table.Print();
            // Only the default run (full data set where installed, the book's batch, one thread) is what the docs describe.
            string block = settings.Data is null && settings.Batch == BookSettings.BatchSize && settings.Threads == 1
                ? "dense"
                : FormattableString.Invariant($"dense-batch-{settings.Batch}-threads-{settings.Threads}");
            BenchDocs.Write(DenseRuns.Kata, block, BenchDocs.Lines(conditions, [table]), settings);
        }

        return 0;
    }

    /// <summary>The best of <paramref name="repeats"/> timings of a float32 [m, k] × [k, n] matmul, in GFLOP/s (2mkn operations).</summary>
    public static double MatmulGflops(int m, int k, int n, int repeats)
    {
        using Tensor a = torch.rand([m, k]);
        using Tensor b = torch.rand([k, n]);
        double best = double.PositiveInfinity;
        for (int i = 0; i < repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            using Tensor c = a.matmul(b);
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        return 2.0 * m * k * n / best / 1e9;
    }

    /// <summary>
    /// The built-in network's training steps alone over the data, in order, with TorchSharp directly (zero_grad, forward,
    /// cross_entropy, backward, RMSprop step): what the epoch costs without batching by index, loss read-back and evaluation.
    /// </summary>
    private static double FastestStepsOnly(DenseData data, int batchSize)
    {
        double best = double.PositiveInfinity;
        for (int repeat = 0; repeat < 3; repeat++)
        {
            using Sequential model = torch.nn.Sequential(("hidden", torch.nn.Linear(784, 512)), ("relu", torch.nn.ReLU()), ("output", torch.nn.Linear(512, 10)));
            using var optimizer = torch.optim.RMSProp(model.parameters(), BookSettings.RmsPropLearningRate, BookSettings.RmsPropAlpha, BookSettings.RmsPropEpsilon);
            long count = data.TrainImages.shape[0];
            var clock = Stopwatch.StartNew();
            for (long start = 0; start < count; start += batchSize)
            {
                using var scope = torch.NewDisposeScope();
                long size = Math.Min(batchSize, count - start);
                optimizer.zero_grad();
                Tensor loss = torch.nn.functional.cross_entropy(model.forward(data.TrainImages.narrow(0, start, size)), data.TrainLabels.narrow(0, start, size));
                loss.backward();
                optimizer.step();
            }

            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        return best;
    }

    private static (double Seconds, EpochResult Epoch) FastestEpoch(DenseNetwork network, DenseData data, int batchSize)
    {
        double best = double.PositiveInfinity;
        EpochResult last = default;
        for (int repeat = 0; repeat < 3; repeat++)
        {
            // The fastest of three: timing noise on a shared machine only ever adds time.
            var shuffle = new Generator(7);
            TrainingHistory history;
            var clock = Stopwatch.StartNew();
            if (network == DenseNetwork.FromScratch)
            {
                NaiveSequential model = NaiveSequential.BookNetwork(new Generator(1));
                clock.Restart();
                history = FromScratch.Fit(model, data.TrainImages, data.TrainLabels, 1, batchSize, BookSettings.FromScratchLearningRate, shuffle);
                best = Math.Min(best, clock.Elapsed.TotalSeconds);
                foreach (Tensor weight in model.Weights)
                {
                    weight.Dispose();
                }
            }
            else
            {
                using Sequential model = BuiltInNetwork.Build();
                clock.Restart();
                history = BuiltInNetwork.Fit(model, data.TrainImages, data.TrainLabels, 1, batchSize, shuffle);
                best = Math.Min(best, clock.Elapsed.TotalSeconds);
            }

            last = history.Last;
        }

        return (best, last);
    }

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
