using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Spread;

/// <summary>Conversions and facts about sets of vectors on the unit sphere, for tests and figures.</summary>
public static class SpreadGeometry
{
    /// <summary>The rows of a [N, D] tensor as arrays.</summary>
    public static double[][] ToArrays(Tensor vectors)
    {
        using var scope = torch.NewDisposeScope();
        Tensor cpu = vectors.detach().cpu().to_type(ScalarType.Float64).contiguous();
        int n = (int)cpu.shape[0];
        int d = (int)cpu.shape[1];
        double[] flat = cpu.data<double>().ToArray();
        return Enumerable.Range(0, n).Select(i => flat.AsSpan(i * d, d).ToArray()).ToArray();
    }

    /// <summary>A [N, D] float64 tensor from rows.</summary>
    public static Tensor ToTensor(double[][] vectors) =>
        torch.tensor(vectors.SelectMany(row => row).ToArray(), [vectors.Length, vectors[0].Length], ScalarType.Float64);

    /// <summary>The smallest angle between two different rows, in radians, computed in plain loops (an oracle).</summary>
    public static double MinimumAngle(double[][] vectors)
    {
        double smallest = double.PositiveInfinity;
        for (int i = 0; i < vectors.Length; i++)
        {
            for (int j = i + 1; j < vectors.Length; j++)
            {
                smallest = Math.Min(smallest, Angle(vectors[i], vectors[j]));
            }
        }

        return smallest;
    }

    /// <summary>The angle between two vectors in radians.</summary>
    public static double Angle(double[] a, double[] b)
    {
        double dot = 0;
        double aa = 0;
        double bb = 0;
        for (int k = 0; k < a.Length; k++)
        {
            dot += a[k] * b[k];
            aa += a[k] * a[k];
            bb += b[k] * b[k];
        }

        return Math.Acos(Math.Clamp(dot / Math.Sqrt(aa * bb), -1, 1));
    }

    /// <summary>N vectors with independent standard normal coordinates, normalised: uniform on the sphere.</summary>
    public static Tensor RandomUnitVectors(int n, int dim, Generator generator)
    {
        using var scope = torch.NewDisposeScope();
        Tensor raw = torch.randn([n, dim], ScalarType.Float64, generator: generator);
        return (raw / raw.norm(1, keepdim: true)).MoveToOuterDisposeScope();
    }

    /// <summary>The regular N-gon on the unit circle, starting at angle <paramref name="offset"/>.</summary>
    public static double[][] RegularPolygon(int n, double offset = 0) =>
        Enumerable.Range(0, n).Select(k => new[] { Math.Cos(offset + 2 * Math.PI * k / n), Math.Sin(offset + 2 * Math.PI * k / n) }).ToArray();

    /// <summary>
    /// The best-known smallest angle, in degrees, of N points on the sphere in 3D, N = 4..200 (<see cref="BestKnownTammes"/>,
    /// from data/tammes-best-known.tsv): proven optimal for N ≤ 14 (Fejes Tóth 3, 4, 6, 12; Schütte and van der Waerden 5, 7,
    /// 8, 9; Danzer 10 and 11; Musin and Tarasov 13 and 14) and N = 24 (Robinson); the others are the best arrangements
    /// found so far (Sloane's tables; Lai et al. 2023).
    /// </summary>
    public static IReadOnlyDictionary<int, double> BestKnownDegrees3D => BestKnown.Value;

    private static readonly Lazy<IReadOnlyDictionary<int, double>> BestKnown = new(() => BestKnownTammes.Rows.ToDictionary(row => row.N, row => row.Degrees));
}
