using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Dense;

/// <summary>Task 2: the book's preprocessing.</summary>
public static class Preprocessing
{
    /// <summary>
    /// Turns images of shape [n, 28, 28] with bytes 0..255 into the networks' input: float32 vectors of
    /// shape [n, 784] (row after row) with values in [0, 1] (divided by 255).
    /// </summary>
    /// <param name="images">A uint8 tensor [n, rows, columns], e.g. ImageDataset.ImagesAsBytes().</param>
    public static Tensor Flatten(Tensor images)
    {
        if (images.dim() != 3)
        {
            throw new ArgumentException($"Expected images of shape [n, rows, columns]; got [{string.Join(", ", images.shape)}].", nameof(images));
        }

        return images.reshape(images.shape[0], images.shape[1] * images.shape[2]).to_type(ScalarType.Float32).div_(255f);
    }
}
