using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Tensors;

/// <summary>Task 3: gradients by automatic differentiation: requires_grad, backward(), .grad.</summary>
public static class Autograd
{
    /// <summary>
    /// The derivative of y = 2x + 3 at <paramref name="x"/>, by autograd (the book's first GradientTape
    /// example). Create x as a float32 scalar tensor that requires grad, compute y, call y.backward()
    /// and read x.grad.
    /// </summary>
    /// <param name="x">Where to take the derivative.</param>
    /// <returns>The variable x you created (a float32 leaf that requires grad) and dy/dx (its .grad).</returns>
    public static (Tensor X, Tensor? Gradient) OfAffine(double x)
    {
        throw new NotImplementedException(
            "Kata 00, task 3 (Autograd.OfAffine) is not implemented yet: see katas/00-tensors/README.md, task 3.");
    }

    /// <summary>
    /// The gradient of f(x) = Σᵢ xᵢ²·sin(xᵢ) with respect to every element of <paramref name="x"/>, by autograd.
    /// Leave the caller's tensor alone: differentiate with respect to a copy that requires grad
    /// (x.detach().clone().requires_grad_()).
    /// </summary>
    /// <param name="x">A tensor of any shape, float32 or float64, that does not require grad.</param>
    /// <returns>∂f/∂x, same shape and dtype as <paramref name="x"/>.</returns>
    public static Tensor? OfExpression(Tensor x)
    {
        throw new NotImplementedException(
            "Kata 00, task 3 (Autograd.OfExpression) is not implemented yet: see katas/00-tensors/README.md, task 3.");
    }

    /// <summary>
    /// The gradients of L = Σ (x·W + b)² (sum over every element of the [n, m] output) with respect to
    /// W and b, by autograd (the book's gradient of matmul(x, W) + b with respect to [W, b]). Use copies of
    /// W and b that require grad; x needs no gradient.
    /// </summary>
    /// <param name="x">Inputs, shape [n, k].</param>
    /// <param name="w">Weights, shape [k, m].</param>
    /// <param name="b">Bias, shape [m].</param>
    /// <returns>∂L/∂W with shape [k, m] and ∂L/∂b with shape [m], of the inputs' dtype.</returns>
    public static (Tensor? W, Tensor? B) OfDense(Tensor x, Tensor w, Tensor b)
    {
        throw new NotImplementedException(
            "Kata 00, task 3 (Autograd.OfDense) is not implemented yet: see katas/00-tensors/README.md, task 3.");
    }
}
