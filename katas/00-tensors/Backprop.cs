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
        throw new NotImplementedException(
            "Kata 00, task 6 (Backprop.Local) is not implemented yet: see katas/00-tensors/README.md, task 6.");
    }

    /// <summary>
    /// The chain rule: the gradient of the loss with respect to w and b is the product of the local
    /// derivatives along the path from the loss back to each of them.
    /// </summary>
    /// <param name="local">The local derivatives of <see cref="Local"/>.</param>
    /// <returns>∂loss/∂w and ∂loss/∂b.</returns>
    public static (double W, double B) ChainRule(LocalDerivatives local)
    {
        throw new NotImplementedException(
            "Kata 00, task 6 (Backprop.ChainRule) is not implemented yet: see katas/00-tensors/README.md, task 6.");
    }

    /// <summary>
    /// The same gradient by autograd: w and b as float64 scalar tensors that require grad, the graph with
    /// tensor operations (abs), backward(), then their .grad.
    /// </summary>
    /// <returns>∂loss/∂w and ∂loss/∂b as float64 scalar tensors.</returns>
    public static (Tensor? W, Tensor? B) WithAutograd(double w, double b, double x, double y)
    {
        throw new NotImplementedException(
            "Kata 00, task 6 (Backprop.WithAutograd) is not implemented yet: see katas/00-tensors/README.md, task 6.");
    }
}
