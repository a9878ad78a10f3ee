using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Tensors;

/// <summary>Task 4: a dense layer by hand, and why layers need activations.</summary>
public static class Dense
{
    /// <summary>
    /// The book's dense layer: relu(x·W + b), a matrix product, a broadcast addition of the bias to every
    /// row, then relu (your <see cref="ElementWise.Relu"/>).
    /// </summary>
    /// <param name="x">Inputs, shape [n, k].</param>
    /// <param name="w">Weights, shape [k, m].</param>
    /// <param name="b">Bias, shape [m].</param>
    /// <returns>The outputs, shape [n, m].</returns>
    public static Tensor Forward(Tensor x, Tensor w, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(b);
        return ElementWise.Relu(x.matmul(w) + b);
    }

    /// <summary>
    /// The single affine layer x·W + b that computes the same as the stack of affine layers (no activations)
    /// x ↦ (...((x·W₁ + b₁)·W₂ + b₂)...)·Wₗ + bₗ. Find it numerically or by algebra: the stack applied to the
    /// zero vector gives b; applied to the rows of the identity matrix it gives the rows of W + b.
    /// </summary>
    /// <param name="layers">At least one layer; layer i has W of shape [dᵢ, dᵢ₊₁] and b of shape [dᵢ₊₁].</param>
    /// <returns>W of shape [d₀, dₗ] and b of shape [dₗ].</returns>
    public static (Tensor W, Tensor B) Collapse(IReadOnlyList<(Tensor W, Tensor B)> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Count == 0)
        {
            throw new ArgumentException("A stack needs at least one layer.", nameof(layers));
        }

        Tensor w = layers[0].W;
        Tensor b = layers[0].B;
        for (int i = 1; i < layers.Count; i++)
        {
            // (x·W + b)·Wᵢ + bᵢ = x·(W·Wᵢ) + (b·Wᵢ + bᵢ)
            b = b.matmul(layers[i].W) + layers[i].B;
            w = w.matmul(layers[i].W);
        }

        return (w, b);
    }
}
