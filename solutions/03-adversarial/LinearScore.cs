using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Adversarial;

/// <summary>
/// Task 5: why many inputs make a network fragile. For a linear score s(x) = w·x, the gradient is w, so one sign
/// step x + ε·sign(w) changes the score by ε·Σ|wᵢ| = ε‖w‖₁: with n inputs of typical weight size m, about ε·m·n.
/// A change of ε per input, invisible in a picture, adds up over the inputs.
/// </summary>
public static class LinearScore
{
    /// <summary>
    /// Takes one sign step of ε up the score s(x) = w·x from <paramref name="x"/>, with the gradient found by autograd
    /// (not by assuming it is w), and returns how much the score changed, s(x + ε·sign(∂s/∂x)) − s(x).
    /// </summary>
    /// <param name="w">The weights, any shape.</param>
    /// <param name="x">The input, the shape of <paramref name="w"/>; left unchanged.</param>
    /// <param name="epsilon">The step, 0 or more.</param>
    /// <returns>The change of the score.</returns>
    public static double SignStepChange(Tensor w, Tensor x, double epsilon)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(x);
        using var scope = torch.NewDisposeScope();
        Tensor input = x.detach().clone().requires_grad_();
        Tensor score = (w * input).sum();
        score.backward();
        using var noGrad = torch.no_grad();
        Tensor stepped = input + (input.grad!.sign() * epsilon);
        return ((w * stepped).sum() - score).ToDouble();
    }

    /// <summary>The change the identity predicts: ε·‖w‖₁ = ε·Σ|wᵢ|.</summary>
    /// <param name="w">The weights.</param>
    /// <param name="epsilon">The step.</param>
    public static double PredictedChange(Tensor w, double epsilon)
    {
        ArgumentNullException.ThrowIfNull(w);
        using var scope = torch.NewDisposeScope();
        return epsilon * w.abs().sum().ToDouble();
    }
}
