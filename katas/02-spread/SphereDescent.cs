using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Spread;

/// <summary>Task 3: gradient descent that keeps the vectors on the unit sphere.</summary>
public static class SphereDescent
{
    /// <summary>
    /// Minimises <paramref name="loss"/> over unit vectors: each iteration computes the loss, steps
    /// against its gradient (clipped to <see cref="DescentSettings.ClipNorm"/> if set) with the
    /// iteration's learning rate, projects every vector back onto the unit sphere, and resets the gradient.
    /// Records the vectors and their smallest angle at the start, every <see cref="DescentSettings.RecordEvery"/>
    /// iterations, and at the end.
    /// </summary>
    /// <param name="initial">The starting vectors, shape [N, D]; not changed.</param>
    /// <param name="loss">The loss of the vectors at an iteration (the iteration lets a loss sharpen over time).</param>
    /// <param name="settings">Learning rate, iterations, decay, clipping and recording.</param>
    public static SpreadRun Run(Tensor initial, Func<Tensor, int, Tensor> loss, DescentSettings settings)
    {
        throw new NotImplementedException(
            "Kata 02, task 3 (SphereDescent.Run) is not implemented yet: see katas/02-spread/README.md, task 3.");
    }

    private static SpreadStep Record(Tensor vectors, int iteration)
    {
        using var scope = torch.NewDisposeScope();
        using (torch.no_grad())
        {
            return new SpreadStep(iteration, SpreadGeometry.ToArrays(vectors), Angles.Minimum(vectors).ToDouble());
        }
    }
}
