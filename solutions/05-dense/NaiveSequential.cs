using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Dense;

/// <summary>Task 1: layers applied one after the other, as in the book's NaiveSequential.</summary>
public sealed class NaiveSequential
{
    /// <summary>Chains <paramref name="layers"/>: the output of each is the input of the next.</summary>
    public NaiveSequential(IReadOnlyList<NaiveDense> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Count == 0)
        {
            throw new ArgumentException("A network needs at least one layer.", nameof(layers));
        }

        Layers = layers;
    }

    /// <summary>The layers, first to last.</summary>
    public IReadOnlyList<NaiveDense> Layers { get; }

    /// <summary>Every layer's weights, first layer first (W₁, b₁, W₂, b₂, ...).</summary>
    public IReadOnlyList<Tensor> Weights => Layers.SelectMany(layer => layer.Weights).ToList();

    /// <summary>The network's output for <paramref name="inputs"/>: each layer's Forward in turn.</summary>
    public Tensor Forward(Tensor inputs)
    {
        Tensor x = inputs;
        foreach (NaiveDense layer in Layers)
        {
            x = layer.Forward(x);
        }

        return x;
    }

    /// <summary>
    /// The book's network: NaiveDense(784 → 512, relu), then NaiveDense(512 → 10, softmax over each row),
    /// float32, initial weights drawn with <paramref name="generator"/>.
    /// </summary>
    public static NaiveSequential BookNetwork(Generator generator) => new(
    [
        new NaiveDense(BookSettings.InputSize, BookSettings.HiddenUnits, x => torch.nn.functional.relu(x), generator),
        new NaiveDense(BookSettings.HiddenUnits, BookSettings.Classes, x => torch.nn.functional.softmax(x, dim: 1), generator),
    ]);
}
