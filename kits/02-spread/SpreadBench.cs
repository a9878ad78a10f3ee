using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Katas.Kits;
using Spectre.Console;
using Spectre.Console.Cli;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Spread.Kit;

/// <summary>
/// `katas bench spread`: the vectorised force loss against the article's loops, and the Tammes solver
/// against the best-known angles (speed targets live here, not in unit tests).
/// </summary>
[KataBench("spread", "time kata 02: force loss vs loops, and the Tammes solver for N = 4..30")]
public sealed class SpreadBench : Command<SpreadBench.Settings>
{
    /// <summary>The command line of `katas bench spread`.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--max-restarts <R>")]
        [Description("restarts of the Tammes solver until within 0.01° of the best-known angle, 1..100")]
        [DefaultValue(8)]
        public int MaxRestarts { get; init; } = 8;

        public override ValidationResult Validate() => MaxRestarts is < 1 or > 100
            ? ValidationResult.Error($"--max-restarts must be a whole number from 1 to 100; got {MaxRestarts}.")
            : ValidationResult.Success();
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        TorchRuntime.Initialise();
        AnsiConsole.MarkupLine($"[bold]Kata 02 benchmarks[/] ({Markup.Escape(KataRepository.BuiltAgainst)}, 1 CPU thread, {Environment.ProcessorCount} cores, float64)");
        ForceTable();
        TammesTable(settings.MaxRestarts);
        return 0;
    }

    private static void ForceTable()
    {
        var table = new Table().Title("Force loss with its gradient: vectorised vs the article's loops (median time per evaluation)")
            .AddColumns("N", "D", "vectorised", "loops", "loops / vectorised", "same value");
        foreach ((int n, int dim) in new[] { (20, 2), (200, 32) })
        {
            using Tensor vectors = SpreadGeometry.RandomUnitVectors(n, dim, new Generator(7));
            (double vectorisedSeconds, double vectorisedValue) = Time(Losses.TangentForce, vectors, repeats: 21);
            (double loopSeconds, double loopValue) = Time(ArticleForceLoss.WithLoops, vectors, repeats: n > 50 ? 3 : 11);
            table.AddRow(I(n), I(dim), Ms(vectorisedSeconds), Ms(loopSeconds), (loopSeconds / vectorisedSeconds).ToString("0", CultureInfo.InvariantCulture) + "×",
                Math.Abs(loopValue - vectorisedValue) <= 1e-9 * Math.Abs(loopValue) ? "yes" : $"no ({loopValue:G6} vs {vectorisedValue:G6})");
        }

        AnsiConsole.Write(table);
    }

    private static (double Seconds, double Value) Time(Func<Tensor, Tensor> loss, Tensor vectors, int repeats)
    {
        var times = new List<double>();
        double value = 0;
        for (int i = 0; i < repeats + 1; i++)
        {
            using var scope = torch.NewDisposeScope();
            Tensor input = vectors.detach().clone().requires_grad_();
            var clock = Stopwatch.StartNew();
            Tensor result = loss(input);
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

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Ms(double seconds) => (seconds * 1000).ToString("0.000", CultureInfo.InvariantCulture) + " ms";
}
