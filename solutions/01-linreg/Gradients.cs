using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Linreg;

/// <summary>Task 2: which way is downhill, by automatic differentiation.</summary>
public static class Gradients
{
    /// <summary>
    /// The gradient of the mean squared error with respect to the slope and the intercept at
    /// <paramref name="at"/>, computed by autograd: make both parameters tensors that require
    /// gradients, compute the loss with <see cref="Loss.MeanSquaredError"/>, call backward() and read .grad.
    /// </summary>
    /// <param name="heights">The heights, shape [n].</param>
    /// <param name="weights">The weights, shape [n].</param>
    /// <param name="at">The line at which to take the gradient.</param>
    /// <returns>∂MSE/∂slope and ∂MSE/∂intercept as scalar tensors of the data's dtype.</returns>
    public static (Tensor? Slope, Tensor? Intercept) OfMeanSquaredError(Tensor heights, Tensor weights, Line at)
    {
        Tensor slope = torch.tensor(at.Slope, dtype: heights.dtype).requires_grad_();
        Tensor intercept = torch.tensor(at.Intercept, dtype: heights.dtype).requires_grad_();
        Tensor loss = Loss.MeanSquaredError(heights, weights, slope, intercept);
        loss.backward();
        return (slope.grad, intercept.grad);
    }
}
