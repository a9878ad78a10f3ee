using Katas.Conventions;
using Katas.Kits;
using Katas.Spread;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Spread.Kit;

/// <summary>Kata 02's runs: the article's three losses and the Tammes solver, by name.</summary>
public static class SpreadRuns
{
    public static readonly string Kata = KataMetadata.KataFolderOf(typeof(SpreadRuns).Assembly);

    /// <summary>The loss names the command line accepts.</summary>
    public static IReadOnlyList<string> LossNames { get; } = ["min-angle", "variance", "force", "tammes"];

    /// <summary>The article's three losses (every name of <see cref="LossNames"/> but the Tammes solver's).</summary>
    public static IReadOnlyList<string> ArticleLossNames { get; } = ["min-angle", "variance", "force"];

    /// <summary>
    /// Runs <paramref name="loss"/> on <paramref name="n"/> random unit vectors in <paramref name="dim"/> dimensions,
    /// drawn with <paramref name="seed"/>; <paramref name="iterations"/> overrides the loss's usual number of steps.
    /// </summary>
    public static SpreadRun Run(string loss, int n, int dim, int? iterations, int seed)
    {
        if (loss == "tammes")
        {
            TammesSettings settings = TammesSettings.For(n) with { Seed = seed };
            if (iterations is int total)
            {
                // --iterations is the total: a fifth exploring with every restart, the rest refining the survivors.
                settings = settings with { ExploreIterations = total / 5, RefineIterations = total - total / 5 };
            }

            SpreadRun solved = Tammes.Solve(n, dim, settings);
            // Only the default schedule hops: --iterations asks for the solver's own run of that length.
            if (iterations is null && TammesHopSettings.For(n) is TammesHopSettings hops)
            {
                double[][] hopped = TammesHopping.Improve(solved.Final.Vectors, hops, seed);
                return new SpreadRun([.. solved.Steps, new SpreadStep(solved.Final.Iteration + 1, hopped, SpreadGeometry.MinimumAngle(hopped))]);
            }

            return solved;
        }

        DescentSettings descent = DescentSettings.ArticleLosses;
        if (iterations is int count)
        {
            descent = descent with { Iterations = count, RecordEvery = Math.Max(1, count / 100) };
        }

        return Article(loss, n, dim, seed, descent);
    }

    /// <summary>
    /// One of the article's losses by projected gradient descent (<see cref="SphereDescent.Run"/>) from
    /// <see cref="Start"/>(<paramref name="n"/>, <paramref name="dim"/>, <paramref name="seed"/>).
    /// </summary>
    public static SpreadRun Article(string loss, int n, int dim, int seed, DescentSettings settings)
    {
        using Tensor start = Start(n, dim, seed);
        return Article(loss, start, settings);
    }

    /// <summary>One of the article's losses by projected gradient descent from <paramref name="start"/>.</summary>
    public static SpreadRun Article(string loss, Tensor start, DescentSettings settings)
    {
        Func<Tensor, int, Tensor> function = loss switch
        {
            "min-angle" => (vectors, _) => Losses.NegativeMinimumAngle(vectors),
            "variance" => (vectors, _) => Losses.MinimumAngleWithSpread(vectors),
            "force" => (vectors, _) => Losses.TangentForce(vectors),
            _ => throw new UsageException($"Unknown loss \"{loss}\": use {string.Join(", ", ArticleLossNames)}."),
        };
        return SphereDescent.Run(start, function, settings);
    }

    /// <summary>
    /// The random start of every run with <paramref name="seed"/>: <paramref name="n"/> unit vectors in
    /// <paramref name="dim"/> dimensions from a fresh torch <see cref="Generator"/> seeded with it (the Tammes solver, as task 4 specifies
    /// it, draws its first restart the same way from the same seed).
    /// </summary>
    public static Tensor Start(int n, int dim, int seed) => SpreadGeometry.RandomUnitVectors(n, dim, new Generator((ulong)seed));

    /// <summary>The best possible (proven or best-known) smallest angle in degrees, or NaN when not known here.</summary>
    public static double BestKnownDegrees(int n, int dim)
    {
        if (dim == 2)
        {
            return 360.0 / n;
        }

        if (n <= dim + 1)
        {
            return Math.Acos(-1.0 / (n - 1)) * 180 / Math.PI;
        }

        if (n <= 2 * dim)
        {
            return 90;
        }

        return dim == 3 && SpreadGeometry.BestKnownDegrees3D.TryGetValue(n, out double degrees) ? degrees : double.NaN;
    }
}
