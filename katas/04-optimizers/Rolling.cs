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
        throw new NotImplementedException(
            "Kata 04, task 4 (Rolling.Roll) is not implemented yet: see katas/04-optimizers/README.md, task 4.");
    }
}
