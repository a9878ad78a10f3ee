using Katas.Conventions;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Tensors.Kit;

/// <summary>A 2D shape before and after a transform, as plain coordinates for figures and snapshots.</summary>
/// <param name="Name">What the transform does, e.g. "rotation by 30°".</param>
/// <param name="Formula">The transform as a formula, e.g. "R·p".</param>
/// <param name="Original">The shape's corners.</param>
/// <param name="Transformed">The transformed corners, in the same order.</param>
public sealed record TransformedShape(string Name, string Formula, IReadOnlyList<(double X, double Y)> Original, IReadOnlyList<(double X, double Y)> Transformed);

/// <summary>Kata 00's runs, made with the implementation under test: the letter F translated, rotated, scaled and moved by an affine map.</summary>
public static class TransformRuns
{
    /// <summary>The kata's folder name.</summary>
    public static readonly string Kata = KataMetadata.KataFolderOf(typeof(TransformRuns).Assembly);

    /// <summary>The translation of the figure's first panel.</summary>
    public static (double X, double Y) Offset { get; } = (4, -1);

    /// <summary>The rotation angle of the second panel, in degrees.</summary>
    public const double RotationDegrees = 30;

    /// <summary>The scale factors of the third panel.</summary>
    public static (double X, double Y) ScaleFactors { get; } = (1.5, 0.5);

    /// <summary>The affine map of the fourth panel: scale by <see cref="AffineScale"/>, rotate by <see cref="AffineDegrees"/>, then add <see cref="AffineOffset"/>.</summary>
    public const double AffineDegrees = 90;

    /// <summary>The affine map's scale factors.</summary>
    public static (double X, double Y) AffineScale { get; } = (1.2, 0.8);

    /// <summary>The affine map's translation.</summary>
    public static (double X, double Y) AffineOffset { get; } = (6, 1);

    /// <summary>The letter F under the four transforms, each computed with the implementation's <see cref="Transforms"/>.</summary>
    public static IReadOnlyList<TransformedShape> All() => At(1);

    /// <summary>
    /// The animation's frames: the four transforms grown from the identity (fraction 0) to the full
    /// transforms (fraction 1) in <paramref name="steps"/> equal steps of angle, offset and scale.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<TransformedShape>> Frames(int steps)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        return Enumerable.Range(0, steps + 1).Select(i => At((double)i / steps)).ToList();
    }

    /// <summary>The four transforms a <paramref name="fraction"/> of the way from the identity to the full transforms.</summary>
    public static IReadOnlyList<TransformedShape> At(double fraction)
    {
        double Part(double full, double identity) => identity + (fraction * (full - identity));
        (double X, double Y) offsetNow = (Part(Offset.X, 0), Part(Offset.Y, 0));
        (double X, double Y) scaleNow = (Part(ScaleFactors.X, 1), Part(ScaleFactors.Y, 1));
        (double X, double Y) affineScaleNow = (Part(AffineScale.X, 1), Part(AffineScale.Y, 1));
        (double X, double Y) affineOffsetNow = (Part(AffineOffset.X, 0), Part(AffineOffset.Y, 0));
        double rotationNow = Part(RotationDegrees, 0);
        double affineDegreesNow = Part(AffineDegrees, 0);

        using var scope = torch.NewDisposeScope();
        IReadOnlyList<(double X, double Y)> shape = Polygons.LetterF;
        Tensor points = ToTensor(shape);
        Tensor offset = torch.tensor(new[] { offsetNow.X, offsetNow.Y });
        // A matrix product of wrong shapes can end the process inside libtorch instead of throwing, so the
        // implementation's matrices are checked before anything multiplies with them.
        Tensor rotation = Checked2x2(Transforms.Rotation(Radians(rotationNow)), "Transforms.Rotation");
        Tensor scaling = Checked2x2(Transforms.Scaling(scaleNow.X, scaleNow.Y), "Transforms.Scaling");
        Tensor affineMatrix = Checked2x2(Transforms.Rotation(Radians(affineDegreesNow)), "Transforms.Rotation")
            .matmul(Checked2x2(Transforms.Scaling(affineScaleNow.X, affineScaleNow.Y), "Transforms.Scaling"));
        Tensor affineOffset = torch.tensor(new[] { affineOffsetNow.X, affineOffsetNow.Y });
        return
        [
            new(FormattableString.Invariant($"translation by ({Offset.X:0.#}, {Offset.Y:0.#})"), "p + t", shape, ToPoints(Transforms.Translate(points, offset))),
            new(FormattableString.Invariant($"rotation by {RotationDegrees:0}°"), "R·p", shape, ToPoints(Transforms.Apply(points, rotation))),
            new(FormattableString.Invariant($"scaling by ({ScaleFactors.X:0.#}, {ScaleFactors.Y:0.#})"), "S·p", shape, ToPoints(Transforms.Apply(points, scaling))),
            new(FormattableString.Invariant($"affine: scale, rotate {AffineDegrees:0}°, translate"), "R·S·p + t", shape, ToPoints(Transforms.Affine(points, affineMatrix, affineOffset))),
        ];
    }

    /// <summary>Returns <paramref name="matrix"/> when it is a valid float64 tensor of shape [2, 2].</summary>
    /// <exception cref="ArgumentException">It is not; the message names <paramref name="what"/> made it and its shape and dtype.</exception>
    public static Tensor Checked2x2(Tensor? matrix, string what)
    {
        if (matrix is null || matrix.IsInvalid || !matrix.shape.SequenceEqual([2L, 2L]) || matrix.dtype != ScalarType.Float64)
        {
            string got = matrix is null || matrix.IsInvalid ? "no tensor" : $"shape {Shapes.Text(matrix.shape)}, dtype {matrix.dtype}";
            throw new ArgumentException($"{what} should return a float64 matrix of shape [2, 2]; it returned {got}.", nameof(matrix));
        }

        return matrix;
    }

    /// <summary>Corners as a float64 tensor of shape [n, 2], one corner per row.</summary>
    public static Tensor ToTensor(IReadOnlyList<(double X, double Y)> corners) =>
        torch.tensor(corners.SelectMany(p => new[] { p.X, p.Y }).ToArray(), [corners.Count, 2]);

    /// <summary>The rows of a tensor of shape [n, 2] as corners.</summary>
    /// <exception cref="ArgumentException">The tensor is not of shape [n, 2].</exception>
    public static IReadOnlyList<(double X, double Y)> ToPoints(Tensor points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.IsInvalid || points.dim() != 2 || points.shape[1] != 2)
        {
            throw new ArgumentException($"Transformed points should have shape [n, 2], one point per row; got {(points.IsInvalid ? "an invalid tensor" : Shapes.Text(points.shape))}.", nameof(points));
        }

        using Tensor flat = points.detach().to_type(ScalarType.Float64).flatten();
        double[] values = flat.data<double>().ToArray();
        return Enumerable.Range(0, values.Length / 2).Select(i => (values[2 * i], values[(2 * i) + 1])).ToList();
    }

    /// <summary>Degrees to radians.</summary>
    public static double Radians(double degrees) => degrees * Math.PI / 180;
}
