using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Linreg;

/// <summary>Task 3: one step downhill.</summary>
public static class GradientStep
{
    /// <summary>
    /// Takes one gradient-descent step on the mean squared error, changing <paramref name="slope"/>
    /// and <paramref name="intercept"/> in place: p ← p − rate_p · ∂MSE/∂p. Do the update under
    /// torch.no_grad() (it is not part of the model), and reset the gradients afterwards, because
    /// backward() adds to whatever .grad already holds.
    /// </summary>
    /// <param name="heights">The heights, shape [n].</param>
    /// <param name="weights">The weights, shape [n].</param>
    /// <param name="slope">The slope: a scalar tensor created with requires_grad: true.</param>
    /// <param name="intercept">The intercept: a scalar tensor created with requires_grad: true.</param>
    /// <param name="rates">The learning rate of each parameter.</param>
    /// <returns>The loss before the step.</returns>
    public static double Take(Tensor heights, Tensor weights, Tensor slope, Tensor intercept, LearningRates rates)
    {
        throw new NotImplementedException(
            "Kata 01, task 3 (GradientStep.Take) is not implemented yet: see katas/01-linreg/README.md, task 3.");
    }
}
