using System.Diagnostics;
using System.Globalization;
using Katas.Cli.Katas;
using Katas.Optimizers;
using Katas.Spread;
using Spectre.Console;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Cli.Commands;

/// <summary>
/// `katas bench spread`: timings, printed as tables (speed targets live here, not in unit tests).
/// Vectorised force loss against the article's loops, and the Tammes solver against the best-known angles.
/// </summary>
internal static class BenchCommand
{
    public const string Usage = "bench spread|optimizers [--max-restarts R]\n" +
                                "                       time kata 02 (force loss vs loops, Tammes N = 4..30) or kata 04 (your optimizers vs TorchSharp's)";

    public static int Run(Arguments arguments)
    {
        int maxRestarts = arguments.Int("--max-restarts", 8, 1, 100);
        arguments.RejectUnknown(1);
        if (arguments.Positionals.Count != 1 || arguments.Positionals[0] is not ("spread" or "optimizers"))
        {
            throw new UsageException("bench needs what to measure: bench spread or bench optimizers.");
        }

        TorchRuntime.Initialise();
        if (arguments.Positionals[0] == "optimizers")
        {
            OptimizerTable();
            return 0;
        }

        AnsiConsole.MarkupLine($"[bold]Kata 02 benchmarks[/] ({Markup.Escape(Repository.BuiltAgainst)}, 1 CPU thread, {Environment.ProcessorCount} cores, float64)");
        ForceTable();
        TammesTable(maxRestarts);
        return 0;
    }

    private static void ForceTable()
    {
        var table = new Table().Title("Force loss with its gradient: vectorised vs the article's loops (median time per evaluation)")
            .AddColumns("N", "D", "vectorised", "loops", "loops / vectorised", "same value");
        foreach ((int n, int dim) in new[] { (20, 2), (200, 32) })
        {
            using Tensor vectors = SpreadGeometry.RandomUnitVectors(n, dim, new Generator(7));
            (double vectorisedSeconds, double vectorisedValue) = Time(() => Losses.TangentForce, vectors, repeats: 21);
            (double loopSeconds, double loopValue) = Time(() => ArticleForceLoss.WithLoops, vectors, repeats: n > 50 ? 3 : 11);
            table.AddRow(I(n), I(dim), Ms(vectorisedSeconds), Ms(loopSeconds), (loopSeconds / vectorisedSeconds).ToString("0", CultureInfo.InvariantCulture) + "×",
                Math.Abs(loopValue - vectorisedValue) <= 1e-9 * Math.Abs(loopValue) ? "yes" : $"no ({loopValue:G6} vs {vectorisedValue:G6})");
        }

        AnsiConsole.Write(table);
    }

    private static (double Seconds, double Value) Time(Func<Func<Tensor, Tensor>> loss, Tensor vectors, int repeats)
    {
        var times = new List<double>();
        double value = 0;
        for (int i = 0; i < repeats + 1; i++)
        {
            using var scope = torch.NewDisposeScope();
            Tensor input = vectors.detach().clone().requires_grad_();
            var clock = Stopwatch.StartNew();
            Tensor result = loss()(input);
            result.backward();
            clock.Stop();
            value = result.ToDouble();
            if (i > 0)
            {
                times.Add(clock.Elapsed.TotalSeconds); // the first evaluation warms up
            }
        }

        times.Sort();
        return (times[times.Count / 2], value);
    }

    private static void TammesTable(int maxRestarts)
    {
        var table = new Table().Title($"Tammes solver, N points in 3D: restarts (up to {maxRestarts}) until within 0.01° of the best-known angle")
            .AddColumns("N", "best known °", "reached °", "gap °", "restarts", "seconds");
        double total = 0;
        int matched = 0;
        for (int n = 4; n <= 30; n++)
        {
            double best = SpreadGeometry.BestKnownDegrees3D[n];
            var clock = Stopwatch.StartNew();
            double reached = 0;
            int restarts = 0;
            while (restarts < maxRestarts && reached < best - 0.01)
            {
                restarts++;
                SpreadRun run = Tammes.Solve(n, 3, new TammesSettings(Restarts: 1, Seed: restarts));
                reached = Math.Max(reached, SpreadGeometry.MinimumAngle(run.Final.Vectors) * 180 / Math.PI);
            }

            double seconds = clock.Elapsed.TotalSeconds;
            total += seconds;
            matched += reached >= best - 0.01 ? 1 : 0;
            table.AddRow(I(n), F(best), F(reached), F(best - reached), I(restarts), seconds.ToString("0.00", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        AnsiConsole.WriteLine($"Within 0.01° of the best-known angle for {matched} of 27 values of N, {total:0} s in all.");
    }

    private static void OptimizerTable()
    {
        AnsiConsole.MarkupLine($"[bold]Kata 04 benchmarks[/] ({Markup.Escape(Repository.BuiltAgainst)}, 1 CPU thread, {Environment.ProcessorCount} cores, float64)");
        var table = new Table().Title("The race: steps to tolerance, and time per step of the hand-written optimizers against TorchSharp's (same run)")
            .AddColumns("surface", "optimizer", "lr", "steps to tolerance", "same path", "hand-written µs/step", "TorchSharp µs/step", "ratio");
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

        AnsiConsole.Write(table);
        ratios.Sort();
        AnsiConsole.WriteLine(FormattableString.Invariant($"Hand-written / TorchSharp time per step: median {ratios[ratios.Count / 2]:0.00}, range {ratios[0]:0.00} to {ratios[^1]:0.00}."));
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

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Ms(double seconds) => (seconds * 1000).ToString("0.000", CultureInfo.InvariantCulture) + " ms";
}
