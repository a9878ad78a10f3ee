using System.Diagnostics;
using static TorchSharp.torch;

namespace Katas.Dense.Kit;

/// <summary>This machine's float32 matrix-multiply rate, in GFLOP/s: a square product and the hidden layer's own shape.</summary>
/// <param name="Square">[1024, 1024] × [1024, 1024].</param>
/// <param name="Layer">[batch, 784] × [784, 512], the forward pass of the hidden layer.</param>
public sealed record MatmulRate(double Square, double Layer)
{
    /// <summary>The better of the two: the reference a training epoch's rate is a share of.</summary>
    public double Best => Math.Max(Square, Layer);

    /// <summary>Measures both shapes with TorchSharp (the best of 20 and 50 products).</summary>
    public static MatmulRate Measure(int batch) => new(Gflops(1024, 1024, 1024, repeats: 20), Gflops(batch, 784, 512, repeats: 50));

    /// <summary>The better of two measurements of each shape: on a shared machine one can land in someone else's busy second.</summary>
    public static MatmulRate BestOf(MatmulRate a, MatmulRate b) => new(Math.Max(a.Square, b.Square), Math.Max(a.Layer, b.Layer));

    /// <summary>The best of <paramref name="repeats"/> timings of a float32 [m, k] × [k, n] matmul, in GFLOP/s (2mkn operations).</summary>
    public static double Gflops(int m, int k, int n, int repeats)
    {
        using Tensor a = rand([m, k]);
        using Tensor b = rand([k, n]);
        double best = double.PositiveInfinity;
        for (int i = 0; i < repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            using Tensor c = a.matmul(b);
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        return 2.0 * m * k * n / best / 1e9;
    }
}
