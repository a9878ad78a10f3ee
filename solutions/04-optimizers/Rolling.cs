using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Katas.Optimizers;

/// <summary>Task 4: a ball rolling down a curve with two valleys, with or without momentum.</summary>
public static class Rolling
{
    /// <summary>
    /// Descends <see cref="TwoValleys.Loss"/> from <paramref name="start"/>: one float64 Parameter x and ONE optimizer made by
    /// <paramref name="optimizer"/> for it, then <paramref name="steps"/> times zero_grad, loss, backward, step.
    /// </summary>
    /// <param name="start">Where x starts.</param>
    /// <param name="optimizer">Makes the optimizer for [x] (plain SGD, SGD with momentum, ...).</param>
    /// <param name="steps">How many steps.</param>
    /// <returns>x at the start and after every step: <paramref name="steps"/> + 1 positions.</returns>
    public static double[] Roll(double start, OptimizerFactory optimizer, int steps)
    {
        using var x = new Parameter(torch.tensor(start, dtype: ScalarType.Float64));
        IOptimizer step = optimizer([x]);
        var path = new double[steps + 1];
        path[0] = start;
        for (int i = 1; i <= steps; i++)
        {
            using var scope = torch.NewDisposeScope();
            step.ZeroGrad();
            TwoValleys.Loss(x).backward();
            step.Step();
            path[i] = x.ToDouble();
        }

        return path;
    }
}
