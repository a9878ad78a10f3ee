using static TorchSharp.torch;

namespace Katas.Victims;

/// <summary>Pictures and their classes, ready for a network: dispose to free the tensors.</summary>
public sealed class LabelledImages : IDisposable
{
    /// <summary>Takes ownership of <paramref name="images"/> and <paramref name="labels"/>.</summary>
    /// <param name="images">float32 [N, 3, H, W], channels first, values in [0, 1].</param>
    /// <param name="labels">int64 [N]: 0 = cat, 1 = dog (<see cref="PetClass"/>).</param>
    /// <param name="names">One name per picture (file name, or "seed S picture I").</param>
    public LabelledImages(Tensor images, Tensor labels, IReadOnlyList<string> names)
    {
        Images = images;
        Labels = labels;
        Names = names;
    }

    /// <summary>float32 [N, 3, H, W], channels first, values in [0, 1].</summary>
    public Tensor Images { get; }

    /// <summary>int64 [N]: 0 = cat, 1 = dog.</summary>
    public Tensor Labels { get; }

    /// <summary>Where each picture came from, in order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Number of pictures.</summary>
    public int Count => Names.Count;

    /// <summary>Frees both tensors.</summary>
    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }
}
