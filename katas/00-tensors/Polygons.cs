namespace Katas.Tensors;

/// <summary>Given: the 2D shape that task 5 moves around.</summary>
public static class Polygons
{
    /// <summary>
    /// The outline of a capital F, corner by corner, counter-clockwise, without repeating the first
    /// corner at the end. An F has no symmetry, so a rotation, a reflection and a transposed matrix all
    /// look different in the figure.
    /// </summary>
    public static IReadOnlyList<(double X, double Y)> LetterF { get; } =
    [
        (0, 0), (1, 0), (1, 2), (2, 2), (2, 3), (1, 3), (1, 4), (3, 4), (3, 5), (0, 5),
    ];
}
