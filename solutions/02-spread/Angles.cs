using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Spread;

/// <summary>Task 1: the angles between vectors.</summary>
public static class Angles
{
    /// <summary>
    /// How far from ±1 cosines are clamped before acos: acos'(x) = −1/√(1−x²) is infinite at ±1, so two
    /// equal (or opposite) vectors would otherwise give NaN gradients. Clamped pairs get no gradient, so
    /// the margin is as small as the dtype allows: 1e-12 in float64 (angles below 1.4e-6 rad), 1e-6 in float32.
    /// </summary>
    public static double CosineMargin(ScalarType dtype) => dtype == ScalarType.Float64 ? 1e-12 : 1e-6;

    /// <summary>
    /// The angle, in radians, between every pair of vectors: an [N, N] tensor whose diagonal (a vector
    /// with itself) is +∞, so that it is never the smallest. The vectors need not be unit length.
    /// Vectorised: no loops over pairs.
    /// </summary>
    /// <param name="vectors">N vectors of D coordinates, shape [N, D].</param>
    public static Tensor Pairwise(Tensor vectors)
    {
        using var scope = torch.NewDisposeScope();
        Tensor unit = vectors / vectors.norm(1, keepdim: true);
        double margin = CosineMargin(vectors.dtype);
        Tensor cosines = unit.matmul(unit.t()).clamp(-1 + margin, 1 - margin);
        Tensor self = torch.eye(vectors.shape[0], dtype: ScalarType.Bool, device: vectors.device);
        return cosines.acos().masked_fill(self, double.PositiveInfinity).MoveToOuterDisposeScope();
    }

    /// <summary>The smallest angle between two different vectors, in radians, as a scalar tensor.</summary>
    /// <param name="vectors">N ≥ 2 vectors, shape [N, D].</param>
    public static Tensor Minimum(Tensor vectors)
    {
        using var scope = torch.NewDisposeScope();
        return Pairwise(vectors).min().MoveToOuterDisposeScope();
    }
}
