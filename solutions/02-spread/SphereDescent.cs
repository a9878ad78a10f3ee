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
        // Each tensor made here lives for the whole run, so each gets its own using: the norms and the quotient too.
        using Tensor lengths = initial.norm(1, keepdim: true);
        using Tensor normalised = initial / lengths;
        using Tensor vectors = normalised.detach().requires_grad_();
        var steps = new List<SpreadStep> { Record(vectors, 0) };
        for (int iteration = 0; iteration < settings.Iterations; iteration++)
        {
            using var scope = torch.NewDisposeScope();
            loss(vectors, iteration).backward();
            using (torch.no_grad())
            {
                Tensor gradient = vectors.grad!;
                if (settings.ClipNorm is double clip)
                {
                    double norm = gradient.norm().ToDouble();
                    if (norm > clip)
                    {
                        gradient = gradient * (clip / norm);
                    }
                }

                vectors.sub_(gradient * settings.RateAt(iteration));
                vectors.div_(vectors.norm(1, keepdim: true));
                vectors.grad!.zero_();
            }

            if (settings.Records(iteration + 1))
            {
                steps.Add(Record(vectors, iteration + 1));
            }
        }

        return new SpreadRun(steps);
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
