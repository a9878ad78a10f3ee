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
        throw new NotImplementedException(
            "Kata 02, task 2 (Losses.NegativeMinimumAngle) is not implemented yet: see katas/02-spread/README.md, task 2.");
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
        throw new NotImplementedException(
            "Kata 02, task 2 (Losses.MinimumAngleWithSpread) is not implemented yet: see katas/02-spread/README.md, task 2.");
    }

    /// <summary>
    /// Loss c: every vector is pushed away from every other by an inverse-square force along their
    /// difference, (vᵢ − vⱼ)/|vᵢ − vⱼ|³. Only the part of each vector's net force tangent to the sphere
    /// can move it; the loss is the sum of the tangent parts' lengths, 0 at an equilibrium.
    /// </summary>
    /// <param name="vectors">Unit vectors, shape [N, D].</param>
    public static Tensor TangentForce(Tensor vectors)
    {
        throw new NotImplementedException(
            "Kata 02, task 2 (Losses.TangentForce) is not implemented yet: see katas/02-spread/README.md, tasks 2 and 5.");
    }
}
