using System.ComponentModel;
using System.Globalization;
using Katas.Data;
using Katas.Kits;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Katas.Adversarial.Kit;

/// <summary>
/// `katas bench dimensions`: task 5's study on real Fashion-MNIST resampled to several sizes: a logistic regression per
/// size, its weights' L1 norm, and the ε at which FGSM flips half of the correctly classified test pictures.
/// </summary>
[KataBench("dimensions", "kata 03, task 5: Fashion-MNIST resampled to several sizes, a logistic regression each, and the epsilon that flips half")]
public sealed class DimensionBench(IAnsiConsole console) : BenchCommand<DimensionBench.Settings>(console)
{
    /// <summary>The command line of `katas bench dimensions`.</summary>
    public sealed class Settings : BenchSettings
    {
        [CommandOption("--sides <LIST>")]
        [Description("picture sides, comma-separated, each 4..112")]
        [DefaultValue("7,14,28,56")]
        public string Sides { get; init; } = "7,14,28,56";

        [CommandOption("--data <DIR>")]
        [Description("Fashion-MNIST folder (default: the shipped subset, 6000 training and 1000 test pictures)")]
        public string? Data { get; init; }

        [WholeNumber(1, 200)]
        [CommandOption("--epochs <E>")]
        [Description("training epochs per size, 1..200")]
        [DefaultValue(20)]
        public int Epochs { get; init; } = 20;

        [WholeNumber(1, 64)]
        [CommandOption("--threads <T>")]
        [Description("CPU threads for TorchSharp, 1..64")]
        [DefaultValue(2)]
        public int Threads { get; init; } = 2;

        public override ValidationResult Validate()
        {
            if (ParseSides(Sides) is null)
            {
                return ValidationResult.Error($"--sides must be whole numbers from 4 to 112, comma-separated; got \"{Sides}\".");
            }

            return ValidationResult.Success();
        }
    }

    /// <summary>The sides, or null when one is not a whole number from 4 to 112.</summary>
    public static int[]? ParseSides(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sides = new List<int>();
        foreach (string part in text.Split(','))
        {
            if (!int.TryParse(part.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int side) || side is < 4 or > 112)
            {
                return null;
            }

            sides.Add(side);
        }

        return [.. sides];
    }

    /// <inheritdoc />
    protected override int Threads(Settings settings) => settings.Threads;

    /// <inheritdoc />
    protected override string Heading(Settings settings) => "Kata 03, task 5: why many inputs make a network fragile, on Fashion-MNIST resampled";

    /// <inheritdoc />
    protected override BenchResult Measure(Settings settings, BenchRun run)
    {
        ArgumentNullException.ThrowIfNull(settings);
        IReadOnlyList<DimensionRow> rows;
        // A missing or malformed data file ends the command with the data error code (3), naming the file.
        rows = DimensionStudy.Run(ParseSides(settings.Sides)!, settings.Data, settings.Epochs);

        var table = new BenchReport(string.Create(CultureInfo.InvariantCulture,
                $"Kata 03, task 5 ({settings.Threads} thread(s)): Fashion-MNIST resampled, a logistic regression per size ({settings.Epochs} epochs of Adam 0.01, batches of 250), FGSM on the correctly classified test pictures"),
            "side", "inputs", "test accuracy", "mean ‖w_c‖₁", "ε flipping half", "flipped at 1/255", "at 4/255", "at 8/255");
        foreach (DimensionRow row in rows)
        {
            double At(double counts) => row.FlippedAt[DimensionStudy.EpsilonGrid.ToList().FindIndex(e => Math.Abs(e - counts) < 1e-9)];
            table.AddRow(row.Side.ToString(CultureInfo.InvariantCulture), (row.Side * row.Side).ToString("N0", CultureInfo.InvariantCulture),
                row.TestAccuracy.ToString("P1", CultureInfo.InvariantCulture), row.MeanWeightL1.ToString("0.0", CultureInfo.InvariantCulture),
                row.Epsilon50 is { } e50 ? string.Create(CultureInfo.InvariantCulture, $"{e50:0.00}/255") : "never (up to 64/255)",
                At(1).ToString("P0", CultureInfo.InvariantCulture), At(4).ToString("P0", CultureInfo.InvariantCulture), At(8).ToString("P0", CultureInfo.InvariantCulture));
        }

        run.Show(table);
        // Only the default run (the shipped subset, sides 7 to 56, 20 epochs) is what the docs describe.
        bool defaults = settings is { Sides: "7,14,28,56", Data: null, Epochs: 20 };
        return new BenchResult(AdversarialRuns.Kata, defaults ? "dimensions" : "dimensions-custom", [table], rows);
    }
}
