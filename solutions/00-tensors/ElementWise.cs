using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Tensors;

/// <summary>Task 2: element-wise operations and broadcasting.</summary>
public static class ElementWise
{
    /// <summary>relu(x) = max(x, 0) element by element, with tensor operations (no loop), same shape and dtype.</summary>
    /// <param name="x">A tensor of any shape.</param>
    public static Tensor Relu(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x.clamp_min(0);
    }

    /// <summary>
    /// The shape that broadcasting gives two tensors of shapes <paramref name="a"/> and <paramref name="b"/>,
    /// by the rules (no tensors): align the shapes at their LAST axis, pad the shorter one with 1s on the
    /// left, and on each axis the sizes must be equal or one of them 1 (which stretches to the other).
    /// </summary>
    /// <param name="a">The first shape.</param>
    /// <param name="b">The second shape.</param>
    /// <exception cref="ArgumentException">The shapes don't broadcast; the message names both shapes, e.g. "[3, 4]" and "[3]".</exception>
    public static long[] BroadcastShape(long[] a, long[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        int rank = Math.Max(a.Length, b.Length);
        var result = new long[rank];
        for (int i = 1; i <= rank; i++)
        {
            long sizeA = i <= a.Length ? a[^i] : 1;
            long sizeB = i <= b.Length ? b[^i] : 1;
            if (sizeA != sizeB && sizeA != 1 && sizeB != 1)
            {
                throw new ArgumentException(
                    $"Shapes {Shapes.Text(a)} and {Shapes.Text(b)} don't broadcast: counted from the last axis, axis -{i} has sizes {sizeA} and {sizeB}, " +
                    "which are neither equal nor 1.", nameof(b));
            }

            // A size 1 stretches to the other size, even to 0 (not the larger of the two: [0] with [1] is [0]).
            result[rank - i] = sizeA == 1 ? sizeB : sizeA;
        }

        return result;
    }

    /// <summary>
    /// The element-wise maximum of two tensors with broadcasting (the book's maximum of a [64, 3, 32, 10]
    /// and a [32, 10] tensor). Check the shapes with <see cref="BroadcastShape"/> first, so a mismatch is a
    /// clear ArgumentException naming both shapes rather than an error from deep inside libtorch.
    /// </summary>
    /// <param name="x">The first tensor.</param>
    /// <param name="y">The second tensor, same dtype.</param>
    /// <exception cref="ArgumentException">The shapes don't broadcast; the message names both shapes.</exception>
    public static Tensor Maximum(Tensor x, Tensor y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        BroadcastShape(x.shape, y.shape);
        return torch.maximum(x, y);
    }
}
