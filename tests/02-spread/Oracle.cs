using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Spread.Tests;

/// <summary>Independent answers in plain float64 loops, and the configurations the tests use.</summary>
internal static class Oracle
{
    public static double Degrees(double radians) => radians * 180 / Math.PI;

    public static double Radians(double degrees) => degrees * Math.PI / 180;

    /// <summary>Seeded random unit vectors as arrays.</summary>
    public static double[][] RandomVectors(int n, int dim, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ =>
        {
            double[] v = Enumerable.Range(0, dim).Select(_ => Gaussian(random)).ToArray();
            double norm = Math.Sqrt(v.Sum(x => x * x));
            return v.Select(x => x / norm).ToArray();
        }).ToArray();
    }

    public static Tensor Tensor(double[][] vectors) => SpreadGeometry.ToTensor(vectors);

    /// <summary>
    /// The starts Tammes.Solve's restarts must draw, as the task says: one <see cref="SpreadGeometry.RandomUnitVectors"/> of
    /// <paramref name="n"/> vectors per restart, all from one Generator(<paramref name="seed"/>).
    /// </summary>
    public static double[][][] RestartDraws(int n, int dim, int restarts, int seed)
    {
        var generator = new Generator((ulong)seed);
        return [.. Enumerable.Range(0, restarts).Select(_ =>
        {
            using Tensor draw = SpreadGeometry.RandomUnitVectors(n, dim, generator);
            return SpreadGeometry.ToArrays(draw);
        })];
    }

    /// <summary>Each vector's angle to its nearest neighbour.</summary>
    public static double[] NearestNeighbourAngles(double[][] v) =>
        v.Select((a, i) => v.Where((_, j) => j != i).Min(b => SpreadGeometry.Angle(a, b))).ToArray();

    /// <summary>Loss b: −(min angle − 0.4 · Σ (nearest-neighbour angle − their mean)²).</summary>
    public static double MinimumAngleWithSpread(double[][] v, double spreadWeight = 0.4)
    {
        double[] nearest = NearestNeighbourAngles(v);
        double mean = nearest.Average();
        return -(nearest.Min() - spreadWeight * nearest.Sum(a => (a - mean) * (a - mean)));
    }

    /// <summary>Loss c: Σᵢ |tangent part of Σⱼ (vᵢ − vⱼ)/|vᵢ − vⱼ|³|.</summary>
    public static double TangentForce(double[][] v)
    {
        int d = v[0].Length;
        double total = 0;
        for (int i = 0; i < v.Length; i++)
        {
            double[] net = new double[d];
            for (int j = 0; j < v.Length; j++)
            {
                if (i == j)
                {
                    continue;
                }

                double[] difference = Enumerable.Range(0, d).Select(k => v[i][k] - v[j][k]).ToArray();
                double distance = Math.Sqrt(difference.Sum(x => x * x));
                for (int k = 0; k < d; k++)
                {
                    net[k] += difference[k] / (distance * distance * distance);
                }
            }

            double radial = Enumerable.Range(0, d).Sum(k => net[k] * v[i][k]);
            total += Math.Sqrt(Enumerable.Range(0, d).Sum(k => Math.Pow(net[k] - radial * v[i][k], 2)));
        }

        return total;
    }

    /// <summary>The soft minimum (1/β)·log Σᵢ≠ⱼ exp(−β·(2 − 2vᵢ·vⱼ)), summed over ordered pairs in plain loops (shifted by the largest term, so it does not overflow).</summary>
    public static double SoftMinimum(double[][] v, double sharpness)
    {
        var exponents = new List<double>();
        for (int i = 0; i < v.Length; i++)
        {
            for (int j = 0; j < v.Length; j++)
            {
                if (i != j)
                {
                    // 2 − 2vᵢ·vⱼ, as the loss is written for unit vectors (off the sphere it differs from |vᵢ − vⱼ|² by a radial part).
                    double squared = 2 - 2 * Enumerable.Range(0, v[i].Length).Sum(k => v[i][k] * v[j][k]);
                    exponents.Add(-sharpness * squared);
                }
            }
        }

        double largest = exponents.Max();
        return (largest + Math.Log(exponents.Sum(e => Math.Exp(e - largest)))) / sharpness;
    }

    /// <summary>The vertices of the regular tetrahedron, octahedron and icosahedron.</summary>
    public static double[][] Tetrahedron { get; } = Normalise([[1, 1, 1], [1, -1, -1], [-1, 1, -1], [-1, -1, 1]]);

    public static double[][] Octahedron { get; } = [[1, 0, 0], [-1, 0, 0], [0, 1, 0], [0, -1, 0], [0, 0, 1], [0, 0, -1]];

    public static double[][] Icosahedron
    {
        get
        {
            double phi = (1 + Math.Sqrt(5)) / 2;
            var vertices = new List<double[]>();
            foreach (double a in new[] { -1.0, 1.0 })
            {
                foreach (double b in new[] { -phi, phi })
                {
                    vertices.Add([0, a, b]);
                    vertices.Add([a, b, 0]);
                    vertices.Add([b, 0, a]);
                }
            }

            return Normalise([.. vertices]);
        }
    }

    public static double[][] Normalise(double[][] vectors) =>
        vectors.Select(v => v.Select(x => x / Math.Sqrt(v.Sum(y => y * y))).ToArray()).ToArray();

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
