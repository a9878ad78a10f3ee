using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Spread;

/// <summary>
/// The article's force loss as it wrote it, with nested loops over pairs of vectors. Given, not a
/// task: compare it with your vectorised <see cref="Losses.TangentForce"/> (task 5) and run
/// `katas bench spread` to see the difference.
/// </summary>
public static class ArticleForceLoss
{
    /// <summary>The same value as <see cref="Losses.TangentForce"/>, one pair at a time.</summary>
    /// <param name="vectors">Unit vectors, shape [N, D].</param>
    public static Tensor WithLoops(Tensor vectors)
    {
        using var scope = torch.NewDisposeScope();
        long n = vectors.shape[0];
        Tensor total = torch.zeros([], vectors.dtype, vectors.device);
        for (long i = 0; i < n; i++)
        {
            Tensor net = torch.zeros([vectors.shape[1]], vectors.dtype, vectors.device);
            for (long j = 0; j < n; j++)
            {
                if (i != j)
                {
                    Tensor difference = vectors[i] - vectors[j];
                    net = net + difference / difference.norm().pow(3);
                }
            }

            Tensor tangent = net - net.dot(vectors[i]) * vectors[i];
            total = total + (tangent.square().sum() + 1e-18).sqrt();
        }

        return total.MoveToOuterDisposeScope();
    }
}
