using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Linreg;

/// <summary>Task 2: which way is downhill, by automatic differentiation.</summary>
public static class Gradients
{
    /// <summary>
    /// The gradient of the mean squared error with respect to the slope and the intercept at the line
    /// <paramref name="at"/>, computed by autograd (not by the formula): make the two parameters tensors
    /// that record gradients, compute the loss with your <see cref="Loss.MeanSquaredError"/>, call
    /// backward() on it and return the parameters' .grad.
    /// </summary>
    /// <param name="heights">The heights, shape [n].</param>
    /// <param name="weights">The weights, shape [n].</param>
    /// <param name="at">The line at which to take the gradient.</param>
    /// <returns>∂MSE/∂slope and ∂MSE/∂intercept as scalar tensors of the data's dtype.</returns>
    public static (Tensor? Slope, Tensor? Intercept) OfMeanSquaredError(Tensor heights, Tensor weights, Line at)
    {
        throw new NotImplementedException(
            "Kata 01, task 2 (Gradients.OfMeanSquaredError) is not implemented yet: see katas/01-linreg/README.md, task 2.");
    }
}
