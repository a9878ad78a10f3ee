using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Dense;

/// <summary>Task 1: a dense layer by hand, activation(inputs · W + b), as in the book's NaiveDense.</summary>
public sealed class NaiveDense
{
    /// <summary>
    /// Creates the layer's weights: W of shape [inputSize, outputSize] drawn uniformly from [0, 0.1)
    /// with <paramref name="generator"/> (the book's tf.random.uniform(minval=0, maxval=1e-1)), and b of
    /// shape [outputSize], all zeros. Both are leaf tensors that require grad, and they must outlive any
    /// DisposeScope the layer is created in.
    /// </summary>
    /// <param name="inputSize">Inputs per sample.</param>
    /// <param name="outputSize">Units (outputs per sample).</param>
    /// <param name="activation">Applied to inputs · W + b, e.g. torch.nn.functional.relu.</param>
    /// <param name="generator">The random generator for W, so a seed fixes the initial weights.</param>
    /// <param name="dtype">The weights' dtype (float32 unless a test asks for float64).</param>
    public NaiveDense(int inputSize, int outputSize, Func<Tensor, Tensor> activation, Generator generator, ScalarType dtype = ScalarType.Float32)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputSize, 1);
        Activation = activation;
        // Detached from any scope: the weights live as long as the layer, not as long as the caller's step.
        W = torch.rand([inputSize, outputSize], dtype: dtype, generator: generator).mul_(BookSettings.InitialWeightMax)
            .requires_grad_().DetachFromDisposeScope();
        B = torch.zeros([outputSize], dtype: dtype).requires_grad_().DetachFromDisposeScope();
    }

    /// <summary>The weight matrix, [inputSize, outputSize].</summary>
    public Tensor W { get; }

    /// <summary>The bias, [outputSize].</summary>
    public Tensor B { get; }

    /// <summary>The activation applied to inputs · W + b.</summary>
    public Func<Tensor, Tensor> Activation { get; }

    /// <summary>The layer's trainable tensors: W, then b.</summary>
    public IReadOnlyList<Tensor> Weights => [W, B];

    /// <summary>activation(inputs · W + b) for inputs of shape [batch, inputSize]; shape [batch, outputSize].</summary>
    public Tensor Forward(Tensor inputs) => Activation(inputs.matmul(W).add(B));
}
