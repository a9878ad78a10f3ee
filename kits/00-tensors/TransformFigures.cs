using Katas.Figures;

namespace Katas.Tensors.Kit;

/// <summary>Kata 00's figure: a shape before and after each transform, one panel per transform, same scale everywhere.</summary>
public static class TransformFigures
{
    private const string OriginalColor = "#7f7f7f";
    private const string TransformedColor = "#d62728";
    private const string OriginColor = "#1f77b4";

    private const int AnimationSteps = 20;
    private const int AnimationPanelWidth = 300;
    private const int AnimationHeight = 360;

    /// <summary>One panel per transformed shape, with common axis limits and square units, so lengths and angles compare.</summary>
    /// <param name="shapes">The transformed shapes, one per panel.</param>
    /// <param name="limits">The axis limits of every panel; when null, a square around every corner and the origin.</param>
    public static Figure Figure(IReadOnlyList<TransformedShape> shapes, AxisLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(shapes);
        if (shapes.Count == 0)
        {
            throw new ArgumentException("A figure needs at least one transformed shape.", nameof(shapes));
        }

        AxisLimits square = limits ?? SquareAround(shapes);
        Panel[] panels = shapes.Select(shape => new Panel($"{shape.Name}: {shape.Formula}", "x", "y", square,
        [
            Outline("original", OriginalColor, shape.Original),
            Outline("transformed", TransformedColor, shape.Transformed),
            new Series("origin", SeriesStyle.Highlight, OriginColor, [0], [0]),
        ], LegendUpperLeft: true, SquareAxes: true)).ToArray();
        return new Figure("Tensor operations as geometry: the letter F moved by a sum, products and an affine map", panels,
            Width: 450 * panels.Length, Height: 520);
    }

    /// <summary>
    /// Writes &lt;stem&gt;.png (the full transforms) into <paramref name="folder"/> and, when <paramref name="animate"/>
    /// is set, &lt;stem&gt;.gif (the transforms growing from the identity, computed with the implementation).
    /// Returns the still figure, whose data tests snapshot.
    /// </summary>
    public static RenderedRun Write(IReadOnlyList<TransformedShape> shapes, string folder, string stem, bool animate)
    {
        Directory.CreateDirectory(folder);
        Figure figure = Figure(shapes);
        string png = Path.Combine(folder, stem + ".png");
        FigureRenderer.SavePng(figure, png);
        if (!animate)
        {
            return new RenderedRun(figure, png, null);
        }

        IReadOnlyList<IReadOnlyList<TransformedShape>> frames = TransformRuns.Frames(AnimationSteps);
        AxisLimits limits = SquareAround(frames.SelectMany(frame => frame).ToList());
        string gif = Path.Combine(folder, stem + ".gif");
        // Hold the first and the last frame a while, so the eye sees where the F starts and ends.
        IEnumerable<IReadOnlyList<TransformedShape>> held = Enumerable.Repeat(frames[0], 4).Concat(frames).Concat(Enumerable.Repeat(frames[^1], 6));
        Animation.WriteGif(held.Select(frame => Figure(frame, limits) with
        {
            Width = AnimationPanelWidth * frame.Count,
            Height = AnimationHeight,
        }).ToList(), gif, frameDelayMilliseconds: 120);
        return new RenderedRun(figure, png, gif);
    }

    /// <summary>The smallest square with whole-number ends, one unit of margin, around every corner and the origin.</summary>
    private static AxisLimits SquareAround(IReadOnlyList<TransformedShape> shapes)
    {
        (double X, double Y)[] corners = shapes.SelectMany(s => s.Original.Concat(s.Transformed)).Append((0, 0)).ToArray();
        double min = Math.Floor(Math.Min(corners.Min(p => p.X), corners.Min(p => p.Y))) - 1;
        double max = Math.Ceiling(Math.Max(corners.Max(p => p.X), corners.Max(p => p.Y))) + 1;
        return new AxisLimits(min, max, min, max);
    }

    /// <summary>A closed outline: the corners, then the first corner again.</summary>
    private static Series Outline(string label, string color, IReadOnlyList<(double X, double Y)> corners) =>
        new(label, SeriesStyle.Line, color,
            corners.Select(p => p.X).Append(corners[0].X).ToArray(),
            corners.Select(p => p.Y).Append(corners[0].Y).ToArray());
}
