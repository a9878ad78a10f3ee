using TorchSharp;
using TorchSharp.Modules;

namespace Katas.Optimizers.Tests.Oracles;

/// <summary>Runs two optimizers side by side on the same problem and reports where they part ways.</summary>
internal static class StepByStep
{
    /// <summary>The parameter values after each of <paramref name="steps"/> steps.</summary>
    public static List<double[]> Trace(Problem problem, Func<Parameter[], IOptimizer> make, int steps)
    {
        Parameter[] parameters = problem.NewParameters();
        IOptimizer optimizer = make(parameters);
        var trace = new List<double[]>();
        for (int step = 0; step < steps; step++)
        {
            using var scope = torch.NewDisposeScope();
            optimizer.ZeroGrad();
            problem.Loss(parameters).backward();
            optimizer.Step();
            trace.Add(parameters.Select(p => p.ToDouble()).ToArray());
        }

        return trace;
    }

    /// <summary>Null when the traces agree to <paramref name="relative"/>, else where and how they first differ, with a hint.</summary>
    public static string? FirstDifference(List<double[]> yours, List<double[]> reference, double relative = 1e-9, OptimizerSettings? settings = null) =>
        Compare(yours, reference, relative) is Difference difference ? $"{difference} {difference.Hint(settings)}" : null;

    /// <summary>Null when the traces agree to <paramref name="relative"/>, else the first step and parameter where they part.</summary>
    public static Difference? Compare(List<double[]> yours, List<double[]> reference, double relative = 1e-9)
    {
        for (int step = 0; step < reference.Count; step++)
        {
            for (int k = 0; k < reference[step].Length; k++)
            {
                double expected = reference[step][k];
                double actual = yours[step][k];
                if (!(Math.Abs(actual - expected) <= relative * Math.Abs(expected) + 1e-12))
                {
                    return new Difference(step + 1, k, actual, expected);
                }
            }
        }

        return null;
    }
}
