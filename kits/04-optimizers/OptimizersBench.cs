using System.Diagnostics;
using System.Globalization;
using Katas.Kits;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Katas.Optimizers.Kit;

/// <summary>
/// `katas bench optimizers`: the race on every surface with the hand-written optimizers and with
/// TorchSharp's, timed in the same run (speed targets live here, not in unit tests).
/// </summary>
[KataBench("optimizers", "time kata 04: your optimizers against TorchSharp's, on every race surface")]
public sealed class OptimizersBench(IAnsiConsole console) : Command<BenchSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, BenchSettings settings, CancellationToken cancellationToken)
    {
        TorchRuntime.Initialise();
        string conditions = BenchDocs.Conditions();
        console.MarkupLine($"[bold]Kata 04 benchmarks[/] ({Markup.Escape(KataRepository.BuiltAgainst)}, 1 CPU thread, {Environment.ProcessorCount} cores, float64)");
        var table = new BenchReport("The race: steps to tolerance, and time per step of the hand-written optimizers against TorchSharp's (same run)",
            "surface", "optimizer", "lr", "steps to tolerance", "same path", "hand-written µs/step", "TorchSharp µs/step", "ratio");
        var ratios = new List<double>();
        foreach (Surface surface in Surface.All)
        {
            foreach (string name in OptimizerSettings.ByName.Keys)
            {
                double rate = surface.RaceRates[name];
                (RaceResult hand, double handSeconds) = TimedRace(surface, name, OptimizerRuns.Factory(name, rate, handWritten: true));
                (RaceResult builtIn, double builtInSeconds) = TimedRace(surface, name, OptimizerRuns.Factory(name, rate, handWritten: false));
                int steps = hand.Xs.Count - 1;
                double ratio = handSeconds / builtInSeconds;
                ratios.Add(ratio);
                bool samePath = hand.Xs.Count == builtIn.Xs.Count && hand.Xs.Zip(builtIn.Xs).All(pair => Math.Abs(pair.First - pair.Second) <= 1e-9 * Math.Max(1, Math.Abs(pair.Second)));
                table.AddRow(surface.Name, name, rate.ToString("G3", CultureInfo.InvariantCulture),
                    hand.StepsToTolerance?.ToString(CultureInfo.InvariantCulture) ?? (double.IsFinite(hand.FinalLoss) ? "not reached" : "diverged"),
                    samePath ? "yes" : "no", Us(handSeconds / Math.Max(1, steps)), Us(builtInSeconds / Math.Max(1, steps)),
                    ratio.ToString("0.00", CultureInfo.InvariantCulture));
            }
        }

        ratios.Sort();
        table.AddNote(FormattableString.Invariant($"Hand-written / TorchSharp time per step: median {ratios[ratios.Count / 2]:0.00}, range {ratios[0]:0.00} to {ratios[^1]:0.00}."));
        table.Print(console);
        BenchDocs.Write(OptimizerRuns.Kata, "optimizers", BenchDocs.Lines(conditions, [table]), settings, console);
        return 0;
    }

    private static (RaceResult Result, double Seconds) TimedRace(Surface surface, string name, OptimizerFactory factory)
    {
        Race.Run(surface, [(name, factory)], 20); // warm up
        RaceResult? result = null;
        double best = double.PositiveInfinity;
        for (int repeat = 0; repeat < 3; repeat++)
        {
            // The fastest of three runs: timing noise on a shared machine only ever adds time.
            var clock = Stopwatch.StartNew();
            result = Race.Run(surface, [(name, factory)], surface.RaceSteps)[0];
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        return (result!, best);
    }

    private static string Us(double seconds) => (seconds * 1e6).ToString("0", CultureInfo.InvariantCulture);
}
