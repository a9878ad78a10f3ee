using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Linreg;

/// <summary>Task 1: how wrong a line is.</summary>
public static class Loss
{
    /// <summary>
    /// The mean squared error of the line weight = slope × height + intercept over the data:
    /// mean((slope·h + intercept − w)²). Use tensor operations only (no loops, no .ToDouble()),
    /// so that autograd can follow the computation in task 2.
    /// </summary>
    /// <param name="heights">The heights, shape [n].</param>
    /// <param name="weights">The weights, shape [n], same dtype as the heights.</param>
    /// <param name="slope">The slope, a scalar tensor (shape []).</param>
    /// <param name="intercept">The intercept, a scalar tensor (shape []).</param>
    /// <returns>A scalar tensor (shape []) of the data's dtype.</returns>
    public static Tensor MeanSquaredError(Tensor heights, Tensor weights, Tensor slope, Tensor intercept)
    {
        throw new NotImplementedException(
            "Kata 01, task 1 (Loss.MeanSquaredError) is not implemented yet: see katas/01-linreg/README.md, task 1.");
    }
}
