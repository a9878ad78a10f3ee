using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Dense;

/// <summary>Task 1: layers applied one after the other, as in the book's NaiveSequential.</summary>
public sealed class NaiveSequential
{
    /// <summary>Chains <paramref name="layers"/>: the output of each is the input of the next.</summary>
    public NaiveSequential(IReadOnlyList<NaiveDense> layers)
    {
        throw new NotImplementedException(
            "Kata 05, task 1 (NaiveSequential constructor) is not implemented yet: see katas/05-dense/README.md, task 1.");
    }

    /// <summary>The layers, first to last.</summary>
    public IReadOnlyList<NaiveDense> Layers { get; }

    /// <summary>Every layer's weights, first layer first (W₁, b₁, W₂, b₂, ...).</summary>
    public IReadOnlyList<Tensor> Weights => throw new NotImplementedException(
        "Kata 05, task 1 (NaiveSequential.Weights) is not implemented yet: see katas/05-dense/README.md, task 1.");

    /// <summary>The network's output for <paramref name="inputs"/>: each layer's Forward in turn.</summary>
    public Tensor Forward(Tensor inputs)
    {
        throw new NotImplementedException(
            "Kata 05, task 1 (NaiveSequential.Forward) is not implemented yet: see katas/05-dense/README.md, task 1.");
    }

    /// <summary>
    /// The book's network: NaiveDense(784 → 512, relu), then NaiveDense(512 → 10, softmax over each row),
    /// float32, initial weights drawn with <paramref name="generator"/>.
    /// </summary>
    public static NaiveSequential BookNetwork(Generator generator) => throw new NotImplementedException(
        "Kata 05, task 1 (NaiveSequential.BookNetwork) is not implemented yet: see katas/05-dense/README.md, task 1.");
}
