using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Tensors;

/// <summary>Task 6: backpropagation by hand on the book's graph x1 = w·x, x2 = x1 + b, loss = |y − x2|.</summary>
public static class Backprop
{
    /// <summary>
    /// The forward pass, then each edge's local derivative at that point, by hand (formulas in doubles,
    /// no autograd). ∂|u|/∂u is the sign of u (take 0 at u = 0).
    /// </summary>
    /// <param name="w">The weight.</param>
    /// <param name="b">The bias.</param>
    /// <param name="x">The input.</param>
    /// <param name="y">The target (the book's y_true).</param>
    public static LocalDerivatives Local(double w, double b, double x, double y)
    {
        double x1 = w * x;
        double x2 = x1 + b;
        // loss = |y − x2|: d/dx2 = sign(y − x2) · d(y − x2)/dx2 = −sign(y − x2) = sign(x2 − y).
        double lossByX2 = Math.Sign(x2 - y);
        return new LocalDerivatives(lossByX2, X2ByX1: 1, X2ByB: 1, X1ByW: x);
    }

    /// <summary>
    /// The chain rule: the gradient of the loss with respect to w and b is the product of the local
    /// derivatives along the path from the loss back to each of them.
    /// </summary>
    /// <param name="local">The local derivatives of <see cref="Local"/>.</param>
    /// <returns>∂loss/∂w and ∂loss/∂b.</returns>
    public static (double W, double B) ChainRule(LocalDerivatives local)
    {
        ArgumentNullException.ThrowIfNull(local);
        return (local.LossByX2 * local.X2ByX1 * local.X1ByW, local.LossByX2 * local.X2ByB);
    }

    /// <summary>
    /// The same gradient by autograd: w and b as float64 scalar tensors that require grad, the graph with
    /// tensor operations (abs), backward(), then their .grad.
    /// </summary>
    /// <returns>∂loss/∂w and ∂loss/∂b as float64 scalar tensors.</returns>
    public static (Tensor? W, Tensor? B) WithAutograd(double w, double b, double x, double y)
    {
        Tensor weight = torch.tensor(w, dtype: ScalarType.Float64).requires_grad_();
        Tensor bias = torch.tensor(b, dtype: ScalarType.Float64).requires_grad_();
        Tensor x1 = weight * x;
        Tensor x2 = x1 + bias;
        Tensor loss = (y - x2).abs();
        loss.backward();
        return (weight.grad, bias.grad);
    }
}
