namespace Katas.Figures;

/// <summary>How a series is drawn.</summary>
public enum SeriesStyle
{
    /// <summary>Unconnected markers (data points).</summary>
    Markers,

    /// <summary>A connected line.</summary>
    Line,

    /// <summary>A dashed horizontal reference line at the first point's Y.</summary>
    ReferenceLine,

    /// <summary>One large highlighted marker.</summary>
    Highlight,

    /// <summary>Separate straight segments: points 0–1, 2–3, 4–5, ... are joined.</summary>
    Segments,
}

/// <summary>A named set of points in one panel.</summary>
/// <param name="Label">Legend text.</param>
/// <param name="Style">How it is drawn.</param>
/// <param name="Color">Hex colour, e.g. "#1f77b4".</param>
/// <param name="Xs">X coordinates.</param>
/// <param name="Ys">Y coordinates, as many as <paramref name="Xs"/>.</param>
public sealed record Series(string Label, SeriesStyle Style, string Color, IReadOnlyList<double> Xs, IReadOnlyList<double> Ys);

/// <summary>The visible area of a panel.</summary>
public readonly record struct AxisLimits(double XMin, double XMax, double YMin, double YMax);

/// <summary>Contour lines of a function sampled on a grid: <c>Z[i, j]</c> is its value at (<c>Xs[j]</c>, <c>Ys[i]</c>).</summary>
/// <param name="Xs">Grid x coordinates, ascending.</param>
/// <param name="Ys">Grid y coordinates, ascending.</param>
/// <param name="Z">Values, rows by y.</param>
/// <param name="Levels">How many contour lines to draw.</param>
public sealed record ContourGrid(IReadOnlyList<double> Xs, IReadOnlyList<double> Ys, double[,] Z, int Levels);

/// <summary>
/// A grey-scale picture filling a panel, e.g. a 28 × 28 image: <c>Values[r, c]</c> is the ink at row r (0 at the top)
/// and column c, from 0 (white) to 1 (black). It spans x from 0 to the column count and y from 0 to the row count.
/// </summary>
/// <param name="Values">Ink per pixel, 0..1, rows from the top.</param>
public sealed record PixelImage(double[,] Values);

/// <summary>
/// One plot inside a figure; the legend sits in the upper right unless <paramref name="LegendUpperLeft"/>,
/// and is hidden when <paramref name="ShowLegend"/> is false. <paramref name="SquareAxes"/> draws one unit
/// the same length on both axes (for circles). <paramref name="Image"/> draws a grey-scale picture under the series.
/// </summary>
public sealed record Panel(string Title, string XLabel, string YLabel, AxisLimits Limits, IReadOnlyList<Series> Series,
    bool LegendUpperLeft = false, bool ShowLegend = true, bool SquareAxes = false, ContourGrid? Contours = null, PixelImage? Image = null);

/// <summary>
/// A figure as data: what is drawn, not how it looks in pixels. Snapshots compare this (rounded),
/// so they catch a changed curve but not a different font rasteriser.
/// </summary>
public sealed record Figure(string Title, IReadOnlyList<Panel> Panels, int Width = 1200, int Height = 500);
