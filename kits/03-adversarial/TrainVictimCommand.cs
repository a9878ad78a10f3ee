using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Serialization;
using Katas.Kits;
using Katas.Victims;
using Spectre.Console;
using Spectre.Console.Cli;
using static TorchSharp.torch;

namespace Katas.Adversarial.Kit;

/// <summary>
/// `katas train-victim pets`: retrains the pets classifier from its seed (<see cref="PetsTrainingSettings.Committed"/> by
/// default), prints the loss and accuracy per epoch and writes the weights. With the defaults it reproduces the committed
/// weights' accuracy (not their bits: other CPUs and thread counts differ in the last digits).
/// </summary>
[KataCommand("train-victim", "retrain kata 03's victim (pets) from its seed; prints held-out accuracy per epoch and writes the weights")]
public sealed class TrainVictimCommand(IAnsiConsole console) : Command<TrainVictimCommand.Settings>
{
    /// <summary>The command line of `katas train-victim`.</summary>
    public sealed class Settings : CommandSettings
    {
        [OneOf(typeof(VictimKind))]
        [CommandArgument(0, "<VICTIM>")]
        [Description("the victim to train: pets (generated cats and dogs) or fashion (Fashion-MNIST)")]
        public string Victim { get; init; } = "";

        /// <summary>The victim VICTIM names.</summary>
        public VictimKind VictimKind => Choice.Parse<VictimKind>(Victim);

        [WholeNumber(16, PetsTrainingSettings.HeldOutFirstIndex - 1)]
        [CommandOption("--pictures <N>")]
        [Description("training pictures, 16..999999 (pets: generated, default 8000, or with --data at most N/2 photographs of each class, default all; fashion: the first N of the training split, default all)")]
        public int? Pictures { get; init; }

        [WholeNumber(1, 100_000)]
        [CommandOption("--held-out <N>")]
        [Description("pets, generated pictures: held-out pictures to measure accuracy after each epoch, 1..100000 (default 400; fewer for a quick run)")]
        public int? HeldOut { get; init; }

        [WholeNumber(1, 100)]
        [CommandOption("--epochs <E>")]
        [Description("epochs, 1..100 (default: the committed recipe's; pets 6, the last at a tenth of the rate; fashion 8)")]
        public int? Epochs { get; init; }

        [CommandOption("--seed <N>")]
        [Description("seeds the pictures, the initial weights, dropout and the shuffling (default: the committed seed)")]
        public int? Seed { get; init; }

        [CommandOption("--data <DIR>")]
        [Description("pets: a folder of photographs named as in Kaggle's dogs-vs-cats (cat.N.jpg, dog.N.jpg; every tenth held out), instead of generated pictures; fashion: the Fashion-MNIST folder (default: /usr/share/datasets/fashion-mnist if installed, else the shipped subset)")]
        public string? Data { get; init; }

        [WholeNumber(1, 64)]
        [CommandOption("--threads <T>")]
        [Description("CPU threads for TorchSharp, 1..64 (default: the committed recipe's; pets 1, so that it reproduces the committed weights to the bit; fashion 2)")]
        public int? Threads { get; init; }

        [CommandOption("--out <FILE>")]
        [Description("where to write the weights (default: artifacts/03-adversarial/VICTIM.bin; the committed ones are src/Katas.Victims/Weights/VICTIM.bin)")]
        public string? Out { get; init; }

        [CommandOption("--json")]
        [Description("print one JSON object at the end instead of progress lines")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (Data is not null && !Directory.Exists(Data))
            {
                return ValidationResult.Error($"--data: there is no folder \"{Data}\".");
            }

            if (HeldOut is not null && (VictimKind != VictimKind.Pets || Data is not null))
            {
                return ValidationResult.Error("--held-out is for pets trained on generated pictures (with --data every tenth photograph is held out; fashion uses its test split).");
            }

            return Seed is < 0 ? ValidationResult.Error($"--seed must not be negative; got {Seed}.") : ValidationResult.Success();
        }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        return settings.VictimKind == VictimKind.Fashion ? TrainFashion(settings) : TrainPets(settings);
    }

    private int TrainFashion(Settings settings)
    {
        TrainedFashion trained;
        // A missing or malformed data file ends the command with the data error code (3), naming the file.
        trained = FashionTraining.Train(settings.Epochs ?? FashionTraining.CommittedEpochs, settings.Seed ?? FashionTraining.CommittedSeed, settings.Threads ?? FashionTraining.CommittedThreads,
            settings.Data, settings.Pictures, settings.Json ? null : console.WriteRawLine);

        using FashionNetwork network = trained.Network;
        string output = Path.GetFullPath(settings.Out ?? Path.Combine(KataRepository.Artifacts, AdversarialRuns.Kata, "fashion.bin"));
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        network.save(output);
        if (settings.Json)
        {
            console.WriteJsonLine(new TrainJson(settings.Seed ?? FashionTraining.CommittedSeed, settings.Pictures ?? 0, trained.EpochLosses.Count, settings.Threads ?? FashionTraining.CommittedThreads,
                Math.Round(trained.TestAccuracy, 4), trained.EpochLosses.Select((loss, i) => new EpochJson(i + 1, Math.Round(loss, 4), null, null)).ToList(),
                Math.Round(trained.Elapsed.TotalSeconds, 1), output));
        }
        else
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Test accuracy {trained.TestAccuracy:P2} after {trained.Elapsed.TotalMinutes:0.0} min (trained on {trained.TrainingSource}); wrote {output}"));
        }

        return 0;
    }

    private int TrainPets(Settings settings)
    {
        PetsTrainingSettings recipe = PetsTrainingSettings.Committed with
        {
            Seed = settings.Seed ?? PetsTrainingSettings.CommittedSeed,
            Pictures = settings.Pictures ?? PetsTrainingSettings.Committed.Pictures,
            Epochs = settings.Epochs ?? PetsTrainingSettings.Committed.Epochs,
            Threads = settings.Threads ?? PetsTrainingSettings.Committed.Threads,
            HeldOutPictures = settings.HeldOut ?? PetsTrainingSettings.Committed.HeldOutPictures,
        };
        if (recipe.SlowEpochs >= recipe.Epochs)
        {
            recipe = recipe with { SlowEpochs = recipe.Epochs - 1 };
        }

        if (!settings.Json && settings.Data is null)
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Training the pets classifier: {recipe.Pictures} pictures of seed {recipe.Seed}, {recipe.Epochs} epoch(s) ({recipe.SlowEpochs} at a tenth of the rate), batch {recipe.BatchSize}, {recipe.Threads} thread(s)"));
        }

        Action<TrainingProgress> report = progress =>
        {
            if (!settings.Json && progress.EndOfEpoch)
            {
                console.WriteRawLine(progress.ToString());
            }
        };
        IReadOnlyList<SkippedFile>? skipped = null;
        TrainedPets trained;
        if (settings.Data is null)
        {
            trained = VictimTraining.TrainPets(recipe, report);
        }
        else
        {
            using KaggleFolder photos = ReadPhotos(settings.Data, settings.Pictures, settings.Json);
            skipped = photos.Skipped;
            trained = VictimTraining.TrainPetsOnPhotos(recipe, photos.Pictures, report);
        }

        using PetsNetwork network = trained.Network;
        string output = Path.GetFullPath(settings.Out ?? Path.Combine(KataRepository.Artifacts, AdversarialRuns.Kata, "pets.bin"));
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        network.save(output);
        if (settings.Json)
        {
            console.WriteJsonLine(new TrainJson(recipe.Seed, trained.Settings.Pictures, recipe.Epochs, recipe.Threads, double.IsNaN(trained.HeldOutAccuracy) ? null : Math.Round(trained.HeldOutAccuracy, 4),
                trained.Epochs.Select(epoch => new EpochJson(epoch.Epoch, Math.Round(epoch.Loss, 4), Math.Round(epoch.TrainingAccuracy, 4), epoch.HeldOutAccuracy is { } a ? Math.Round(a, 4) : null)).ToList(),
                Math.Round(trained.Elapsed.TotalSeconds, 1), output, skipped?.Select(file => new SkippedJson(file.Name, file.Reason)).ToList()));
        }
        else
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Held-out accuracy {(double.IsNaN(trained.HeldOutAccuracy) ? "not measured (fewer than 10 photographs)" : trained.HeldOutAccuracy.ToString("P2", CultureInfo.InvariantCulture))} after {trained.Elapsed.TotalMinutes:0.0} min; wrote {output}"));
        }

        return 0;
    }

    /// <summary>Reads a Kaggle-style folder, reports every skipped file by name, and refuses a folder without both classes.</summary>
    private KaggleFolder ReadPhotos(string folder, int? pictures, bool json)
    {
        KaggleFolder photos = PetPhotos.LoadKaggleFolder(folder, pictures / 2);
        if (!json)
        {
            console.WriteLine(photos.Report());
        }

        using Tensor counts = photos.Pictures.Labels.bincount(null, minlength: 2);
        long cats = counts[0].item<long>(), dogs = counts[1].item<long>();
        if (cats == 0 || dogs == 0 || photos.Pictures.Count < 3)
        {
            string found = $"{cats} cat and {dogs} dog photographs readable, {photos.SkippedCount} files skipped";
            photos.Dispose();
            throw new Katas.Data.DataFormatException(folder, 0, $"needs photographs of both classes named cat.N.jpg and dog.N.jpg, at least 3 in all; found {found}");
        }

        if (!json)
        {
            console.WriteLine($"Training the pets classifier on {cats} cat and {dogs} dog photographs, every tenth held out");
        }

        return photos;
    }

    private sealed record EpochJson(
        int Epoch,
        double Loss,
        double? TrainingAccuracy,
        double? HeldOutAccuracy);

    private sealed record TrainJson(
        int Seed,
        int Pictures,
        int Epochs,
        int Threads,
        double? HeldOutAccuracy,
        IReadOnlyList<EpochJson> History,
        double Seconds,
        string Out,
        [property: JsonPropertyName("skipped_files"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SkippedJson>? Skipped = null);

    private sealed record SkippedJson(
        string Name,
        string Reason);
}
