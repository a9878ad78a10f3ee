using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Linreg;

/// <summary>Task 1: how wrong a line is.</summary>
public static class Loss
{
    /// <summary>
    /// The mean squared error of the line weight = slope × height + intercept over the data:
    /// mean((slope·h + intercept − w)²). Tensor operations only (no loops), so autograd can follow it.
    /// </summary>
    /// <param name="heights">The heights, shape [n].</param>
    /// <param name="weights">The weights, shape [n], same dtype as the heights.</param>
    /// <param name="slope">The slope, a scalar tensor (shape []).</param>
    /// <param name="intercept">The intercept, a scalar tensor (shape []).</param>
    /// <returns>A scalar tensor (shape []) of the data's dtype.</returns>
    public static Tensor MeanSquaredError(Tensor heights, Tensor weights, Tensor slope, Tensor intercept)
    {
        Tensor errors = slope * heights + intercept - weights;
        return errors.square().mean();
    }
}
