using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Tensors;

/// <summary>
/// Task 5: the book's geometric reading of tensor operations on 2D points. Points are the rows of a
/// tensor of shape [n, 2]; a matrix M acts on a point p as the column vector M·p, which for rows is p·Mᵀ.
/// </summary>
public static class Transforms
{
    /// <summary>Translation as addition: every point plus <paramref name="offset"/> (broadcast over the rows).</summary>
    /// <param name="points">Points, shape [n, 2].</param>
    /// <param name="offset">The offset, shape [2], same dtype.</param>
    /// <returns>The moved points, shape [n, 2].</returns>
    public static Tensor Translate(Tensor points, Tensor offset)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(offset);
        return points + offset;
    }

    /// <summary>
    /// The 2×2 matrix of the counter-clockwise rotation by <paramref name="radians"/> acting on column
    /// vectors: [[cos θ, −sin θ], [sin θ, cos θ]], so that it turns (1, 0) into (cos θ, sin θ).
    /// </summary>
    /// <param name="radians">The angle θ.</param>
    /// <returns>A float64 tensor of shape [2, 2].</returns>
    public static Tensor Rotation(double radians)
    {
        double cos = Math.Cos(radians);
        double sin = Math.Sin(radians);
        return torch.tensor(new[] { cos, -sin, sin, cos }, [2, 2]);
    }

    /// <summary>The 2×2 matrix that scales x by <paramref name="sx"/> and y by <paramref name="sy"/>: [[sx, 0], [0, sy]].</summary>
    /// <returns>A float64 tensor of shape [2, 2].</returns>
    public static Tensor Scaling(double sx, double sy) => torch.tensor(new[] { sx, 0, 0, sy }, [2, 2]);

    /// <summary>
    /// A linear transform as a product: each point p (a row) becomes M·p. For the rows of
    /// <paramref name="points"/> that is one matrix product, points·Mᵀ.
    /// </summary>
    /// <param name="points">Points, shape [n, 2].</param>
    /// <param name="matrix">M, shape [2, 2], same dtype.</param>
    /// <returns>The transformed points, shape [n, 2].</returns>
    public static Tensor Apply(Tensor points, Tensor matrix)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(matrix);
        return points.matmul(matrix.t());
    }

    /// <summary>An affine transform: each point p becomes M·p + offset (a linear transform, then a translation).</summary>
    /// <param name="points">Points, shape [n, 2].</param>
    /// <param name="matrix">M, shape [2, 2].</param>
    /// <param name="offset">The offset, shape [2].</param>
    /// <returns>The transformed points, shape [n, 2].</returns>
    public static Tensor Affine(Tensor points, Tensor matrix, Tensor offset) => Translate(Apply(points, matrix), offset);
}
