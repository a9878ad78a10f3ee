using System.Diagnostics;
using System.Globalization;
using Katas.Kits;
using Spectre.Console;
using Spectre.Console.Cli;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Spread.Kit;

/// <summary>
/// `katas bench spread`: the vectorised force loss against the article's loops, then the Tammes table of
/// `katas bench tammes` (N = 4..30 unless --to says otherwise; speed targets live here, not in unit tests).
/// </summary>
[KataBench("spread", "time kata 02: force loss vs loops, then the Tammes table (N = 4..30 in 3D unless --to, default settings)")]
public sealed class SpreadBench(IAnsiConsole console) : BenchCommand<TammesBenchSettings>(console)
{
    /// <summary>Where `bench spread` stops the Tammes table unless told otherwise.</summary>
    public const int DefaultTo = 30;

    /// <inheritdoc />
    protected override string Heading(TammesBenchSettings settings) => "Kata 02 benchmarks (float64, one thread)";

    /// <inheritdoc />
    protected override BenchResult Measure(TammesBenchSettings settings, BenchRun run)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(run);
        BenchReport force = ForceTable();
        run.Show(force);
        // The force table has its own block in the docs; the Tammes table goes into its range's block.
        BenchDocs.Write(SpreadRuns.Kata, "force", BenchDocs.Lines(run.Conditions.Sentence(), [force]), settings, run.Conditions, run.Say);
        BenchResult tammes = TammesBench.Table(settings.From, settings.To ?? Math.Max(settings.From, DefaultTo), settings.Markdown, run);
        return tammes with { Figures = new { Force = force.Rows, Tammes = tammes.Figures } };
    }

    private static BenchReport ForceTable()
    {
        var table = new BenchReport("Force loss with its gradient: vectorised vs the article's loops (median time per evaluation)",
            "N", "D", "vectorised", "loops", "loops / vectorised", "same value");
        foreach ((int n, int dim) in new[] { (20, 2), (200, 32) })
        {
            using Tensor vectors = SpreadGeometry.RandomUnitVectors(n, dim, new Generator(7));
            (double vectorisedSeconds, double vectorisedValue) = Time(Losses.TangentForce, vectors, repeats: 21);
            (double loopSeconds, double loopValue) = Time(ArticleForceLoss.WithLoops, vectors, repeats: n > 50 ? 3 : 11);
            table.AddRow(I(n), I(dim), Ms(vectorisedSeconds), Ms(loopSeconds), (loopSeconds / vectorisedSeconds).ToString("0", CultureInfo.InvariantCulture) + "×",
                Math.Abs(loopValue - vectorisedValue) <= 1e-9 * Math.Abs(loopValue) ? "yes" : $"no ({loopValue:G6} vs {vectorisedValue:G6})");
        }

        return table;
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

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

        private static string Ms(double seconds) => (seconds * 1000).ToString("0.000", CultureInfo.InvariantCulture) + " ms";
}
