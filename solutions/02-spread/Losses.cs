using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Spread;

/// <summary>Task 2: the article's three losses. Each is a scalar tensor to minimise, differentiable end to end.</summary>
public static class Losses
{
    /// <summary>Loss a: minus the smallest angle. Its gradient moves only the closest pair.</summary>
    /// <param name="vectors">Shape [N, D].</param>
    public static Tensor NegativeMinimumAngle(Tensor vectors)
    {
        using var scope = torch.NewDisposeScope();
        return Angles.Minimum(vectors).neg().MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Loss b: minus (the smallest angle − <paramref name="spreadWeight"/> × the spread), where the
    /// spread is the sum of squared deviations of each vector's nearest-neighbour angle from their mean.
    /// It rewards spreading the smallest angle and evening out the nearest-neighbour distances.
    /// </summary>
    /// <param name="vectors">Shape [N, D].</param>
    /// <param name="spreadWeight">The article's weight, 0.4.</param>
    public static Tensor MinimumAngleWithSpread(Tensor vectors, double spreadWeight = 0.4)
    {
        using var scope = torch.NewDisposeScope();
        Tensor nearest = Angles.Pairwise(vectors).min(1).values;
        Tensor spread = (nearest - nearest.mean()).square().sum();
        return (spreadWeight * spread - nearest.min()).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Loss c: every vector is pushed away from every other by an inverse-square force along their
    /// difference, (vᵢ − vⱼ)/|vᵢ − vⱼ|³. Only the part of each vector's net force tangent to the sphere
    /// can move it; the loss is the sum of the tangent parts' lengths, 0 at an equilibrium.
    /// </summary>
    /// <param name="vectors">Unit vectors, shape [N, D].</param>
    public static Tensor TangentForce(Tensor vectors)
    {
        using var scope = torch.NewDisposeScope();
        long n = vectors.shape[0];
        Tensor differences = vectors.unsqueeze(1) - vectors.unsqueeze(0);
        Tensor self = torch.eye(n, dtype: ScalarType.Bool, device: vectors.device);
        // A vector's difference with itself is 0; give it distance 1 and mask it, so no 0/0 appears.
        Tensor distances = differences.norm(2).masked_fill(self, 1.0);
        Tensor forces = (differences / distances.pow(3).unsqueeze(2)).masked_fill(self.unsqueeze(2), 0.0);
        Tensor net = forces.sum(1);
        Tensor radial = (net * vectors).sum(1, keepdim: true) * vectors;
        Tensor tangent = net - radial;
        // √(|t|² + tiny): the length's gradient is undefined at exactly 0, which an equilibrium reaches.
        return (tangent.square().sum(1) + 1e-18).sqrt().sum().MoveToOuterDisposeScope();
    }
}
