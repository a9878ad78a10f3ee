using Katas.Figures;

namespace Katas.Tensors.Kit;

/// <summary>Kata 00's figure: a shape before and after each transform, one panel per transform, same scale everywhere.</summary>
public static class TransformFigures
{
    private const string OriginalColor = "#7f7f7f";
    private const string TransformedColor = "#d62728";
    private const string OriginColor = "#1f77b4";

    /// <summary>One panel per transformed shape, with common axis limits and square units, so lengths and angles compare.</summary>
    public static Figure Figure(IReadOnlyList<TransformedShape> shapes)
    {
        ArgumentNullException.ThrowIfNull(shapes);
        if (shapes.Count == 0)
        {
            throw new ArgumentException("A figure needs at least one transformed shape.", nameof(shapes));
        }

        IEnumerable<(double X, double Y)> all = shapes.SelectMany(s => s.Original.Concat(s.Transformed)).Append((0, 0));
        (double X, double Y)[] corners = all.ToArray();
        double min = Math.Floor(Math.Min(corners.Min(p => p.X), corners.Min(p => p.Y))) - 1;
        double max = Math.Ceiling(Math.Max(corners.Max(p => p.X), corners.Max(p => p.Y))) + 1;
        var limits = new AxisLimits(min, max, min, max);
        Panel[] panels = shapes.Select(shape => new Panel($"{shape.Name}: {shape.Formula}", "x", "y", limits,
        [
            Outline("original", OriginalColor, shape.Original),
            Outline("transformed", TransformedColor, shape.Transformed),
            new Series("origin", SeriesStyle.Highlight, OriginColor, [0], [0]),
        ], LegendUpperLeft: true, SquareAxes: true)).ToArray();
        return new Figure("Tensor operations as geometry: the letter F moved by a sum, products and an affine map", panels,
            Width: 450 * panels.Length, Height: 520);
    }

    /// <summary>Writes the figure as &lt;stem&gt;.png into <paramref name="folder"/> and returns it with its path.</summary>
    public static (Figure Figure, string Png) Write(IReadOnlyList<TransformedShape> shapes, string folder, string stem)
    {
        Figure figure = Figure(shapes);
        string png = Path.Combine(folder, stem + ".png");
        FigureRenderer.SavePng(figure, png);
        return (figure, png);
    }

    /// <summary>A closed outline: the corners, then the first corner again.</summary>
    private static Series Outline(string label, string color, IReadOnlyList<(double X, double Y)> corners) =>
        new(label, SeriesStyle.Line, color,
            corners.Select(p => p.X).Append(corners[0].X).ToArray(),
            corners.Select(p => p.Y).Append(corners[0].Y).ToArray());
}
