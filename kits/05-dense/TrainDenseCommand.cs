using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Katas.Data;
using Katas.Kits;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Katas.Dense.Kit;

/// <summary>`katas train-dense`: trains kata 05's networks on Fashion-MNIST and prints loss and accuracy per epoch and the test accuracy.</summary>
[KataCommand("train-dense", "train kata 05's networks (from scratch, built in) on Fashion-MNIST; prints accuracy per epoch and on the test set")]
public sealed class TrainDenseCommand(IAnsiConsole console) : Command<TrainDenseCommand.Settings>
{
    /// <summary>The command line of `katas train-dense`.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--from-scratch")]
        [Description("only the network built by hand (tasks 1-4): SGD 1e-3, 10 epochs unless --epochs")]
        public bool FromScratch { get; init; }

        [CommandOption("--builtin")]
        [Description("only the built-in network (task 5): RMSprop, 5 epochs unless --epochs (default: both networks)")]
        public bool BuiltIn { get; init; }

        [WholeNumber(1, 1000)]
        [CommandOption("--epochs <E>")]
        [Description("epochs, 1..1000, instead of the book's (10 from scratch, 5 built in)")]
        public int? Epochs { get; init; }

        [OneOf(typeof(FromScratchStart))]
        [CommandOption("--start <START>")]
        [Description("from-scratch initial weights: book (W uniform between 0 and 0.1, as in the book) or centred (the same shifted down by 0.05)")]
        [DefaultValue("book")]
        public string Start { get; init; } = "book";

        /// <summary>The start --start names.</summary>
        public FromScratchStart StartKind => Choice.Parse<FromScratchStart>(Start);

        [CommandOption("--lr <RATE>")]
        [Description("from-scratch SGD learning rate, above 0 and at most 10")]
        [DefaultValue(BookSettings.FromScratchLearningRate)]
        public double LearningRate { get; init; } = BookSettings.FromScratchLearningRate;

        [WholeNumber(1, 60000)]
        [CommandOption("--batch <B>")]
        [Description("images per batch, 1..60000")]
        [DefaultValue(BookSettings.BatchSize)]
        public int Batch { get; init; } = BookSettings.BatchSize;

        [CommandOption("--data <DIR>")]
        [Description("folder with the four Fashion-MNIST files, e.g. /usr/share/datasets/fashion-mnist (default: the shipped subset in data/fashion-mnist)")]
        public string? Data { get; init; }

        [CommandOption("--seed <N>")]
        [Description("seeds the initial weights and the shuffling")]
        [DefaultValue(TorchRuntime.DefaultSeed)]
        public int Seed { get; init; } = TorchRuntime.DefaultSeed;

        [WholeNumber(1, 64)]
        [CommandOption("--threads <T>")]
        [Description("CPU threads for TorchSharp, 1..64")]
        [DefaultValue(1)]
        public int Threads { get; init; } = 1;

        [CommandOption("--json")]
        [Description("print one JSON object instead of progress lines")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (FromScratch && BuiltIn)
            {
                return ValidationResult.Error("--from-scratch and --builtin each pick one network; give neither to train both.");
            }

            if (!(LearningRate > 0 && LearningRate <= 10))
            {
                return ValidationResult.Error(FormattableString.Invariant($"--lr must be above 0 and at most 10; got {LearningRate}."));
            }

            if (Data is not null && !Directory.Exists(Data))
            {
                return ValidationResult.Error($"--data: there is no folder \"{Data}\". Give the folder holding train-images-idx3-ubyte.gz and the other three Fashion-MNIST files.");
            }

            return Seed < 0 ? ValidationResult.Error($"--seed must not be negative; got {Seed}.") : ValidationResult.Success();
        }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        TorchRuntime.Initialise(settings.Threads, settings.Seed);
        // A missing or malformed data file ends the command with the data error code (3), naming the file.
        DenseData data = DenseData.Load(settings.Data);

        using (data)
        {
            DenseNetwork[] networks = settings.FromScratch ? [DenseNetwork.FromScratch]
                : settings.BuiltIn ? [DenseNetwork.BuiltIn]
                : [DenseNetwork.FromScratch, DenseNetwork.BuiltIn];
            bool plain = Console.IsOutputRedirected || settings.Json;
            if (!settings.Json)
            {
                console.WriteLine($"Data: {data.Train.Source}");
                console.WriteLine($"      {data.Test.Source}");
                console.WriteLine(FormattableString.Invariant(
                    $"{KataRepository.BuiltAgainst}, {settings.Threads} thread(s), batch {settings.Batch}, seed {settings.Seed}; from scratch: {settings.Start} start, SGD rate {settings.LearningRate}"));
            }

            var results = new List<NetworkResult>();
            var clock = Stopwatch.StartNew();
            foreach (DenseNetwork network in networks)
            {
                int epochs = settings.Epochs ?? DenseRuns.BookEpochs(network);
                FromScratchStart start = settings.StartKind;
                DenseRun run = plain
                    ? DenseRuns.Train(network, data, epochs, settings.Batch, settings.Seed, start, settings.LearningRate,
                        settings.Json ? null : epoch => console.WriteRawLine(EpochLine(DenseRuns.Name(network, start, settings.LearningRate), epoch, epochs)))
                    : WithProgressBar(network, data, epochs, start, settings);
                if (!settings.Json)
                {
                    console.WriteLine(FormattableString.Invariant($"{DenseRuns.Name(network, start, settings.LearningRate)}: test accuracy {run.TestAccuracy:0.0000} after {epochs} epochs ({run.Seconds:0.0} s)"));
                }

                results.Add(new NetworkResult(network == DenseNetwork.FromScratch ? "from-scratch" : "builtin", epochs,
                    network == DenseNetwork.FromScratch ? settings.Start : null, network == DenseNetwork.FromScratch ? settings.LearningRate : null, Math.Round(run.TestAccuracy, 4),
                    run.History.Select(epoch => new EpochJson(epoch.Epoch, Math.Round(epoch.Loss, 4), Math.Round(epoch.Accuracy, 4))).ToList(), Math.Round(run.Seconds, 2)));
            }

            if (settings.Json)
            {
                NetworkResult last = results[^1];
                console.WriteJsonLine(new TrainResult(last.TestAccuracy, last.Epochs, Math.Round(clock.Elapsed.TotalSeconds, 2),
                    new DataJson(data.Train.Source.ImagesFile, data.Train.Source.LabelsFile, data.Test.Source.ImagesFile, data.Test.Source.LabelsFile,
                        data.Train.Count, data.Test.Count, data.IsFullSet),
                    settings.Batch, settings.Seed, settings.Threads, KataRepository.KataSource, results));
            }
        }

        return 0;
    }

    private DenseRun WithProgressBar(DenseNetwork network, DenseData data, int epochs, FromScratchStart start, Settings settings)
    {
        DenseRun? run = null;
        console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn()).Start(progress =>
        {
            string name = DenseRuns.Name(network, start, settings.LearningRate);
            ProgressTask task = progress.AddTask(Markup.Escape(name), maxValue: epochs);
            run = DenseRuns.Train(network, data, epochs, settings.Batch, settings.Seed, start, settings.LearningRate, epoch =>
            {
                task.Increment(1);
                console.WriteLine(EpochLine(name, epoch, epochs));
            });
        });
        return run!;
    }

    private static string EpochLine(string name, EpochResult epoch, int epochs) =>
        string.Create(CultureInfo.InvariantCulture, $"{name}: epoch {epoch.Epoch}/{epochs}  loss {epoch.Loss:0.0000}  training accuracy {epoch.Accuracy:0.0000}");

    private sealed record EpochJson(
        int Epoch,
        double Loss,
        double Accuracy);

    private sealed record NetworkResult(
        string Network,
        int Epochs,
        string? Start,
        double? LearningRate,
        double TestAccuracy,
        IReadOnlyList<EpochJson> History,
        double Seconds);

    private sealed record DataJson(
        string TrainImages,
        string TrainLabels,
        string TestImages,
        string TestLabels,
        int TrainCount,
        int TestCount,
        bool FullSet);

    private sealed record TrainResult(
        double TestAccuracy,
        int Epochs,
        double Seconds,
        DataJson Data,
        int Batch,
        int Seed,
        int Threads,
        string Implementation,
        IReadOnlyList<NetworkResult> Networks);
}
