using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Katas.Figures;

/// <summary>
/// The text form of a figure's data, for snapshot files, and a comparison that tolerates rounding
/// noise in numbers (float32 vs float64, thread counts) while every word must match exactly.
/// </summary>
public static partial class FigureSnapshot
{
    /// <summary>Significant digits kept for every number.</summary>
    public const int SignificantDigits = 5;

    /// <summary>The figure's title, panels, axis limits and series, numbers rounded to <see cref="SignificantDigits"/> digits.</summary>
    public static string ToText(Figure figure)
    {
        var text = new StringBuilder();
        text.AppendLine($"figure: {figure.Title}");
        foreach (Panel panel in figure.Panels)
        {
            text.AppendLine($"panel: {panel.Title}");
            text.AppendLine($"  x axis: {panel.XLabel} [{N(panel.Limits.XMin)}, {N(panel.Limits.XMax)}]");
            text.AppendLine($"  y axis: {panel.YLabel} [{N(panel.Limits.YMin)}, {N(panel.Limits.YMax)}]");
            if (panel.Contours is { } grid)
            {
                double[] z = grid.Z.Cast<double>().ToArray();
                text.AppendLine($"  contours: {grid.Levels} levels of a {grid.Xs.Count}x{grid.Ys.Count} grid, z [{N(z.Min())}, {N(z.Max())}], mean {N(z.Average())}");
            }

            if (panel.Image is { } image)
            {
                double[] ink = image.Values.Cast<double>().ToArray();
                int rows = image.Values.GetLength(0);
                int columns = image.Values.GetLength(1);
                // The ink of each quarter of the picture pins its layout (an upside-down or transposed image differs).
                double Quarter(int top, int left) => Enumerable.Range(top, rows / 2).SelectMany(r => Enumerable.Range(left, columns / 2).Select(c => image.Values[r, c])).Average();
                text.AppendLine($"  image: {rows}x{columns}, ink [{N(ink.Min())}, {N(ink.Max())}], mean {N(ink.Average())}, " +
                                $"quarters {N(Quarter(0, 0))} {N(Quarter(0, columns / 2))} {N(Quarter(rows / 2, 0))} {N(Quarter(rows / 2, columns / 2))}");
            }

            foreach (Series series in panel.Series)
            {
                text.AppendLine($"  series: {(series.Label.Length > 0 ? series.Label : "(unlabelled)")} ({series.Style}, {series.Xs.Count} points)");
                for (int i = 0; i < series.Xs.Count; i++)
                {
                    text.AppendLine($"    {N(series.Xs[i])} {N(series.Ys[i])}");
                }
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Compares snapshot texts line by line: words must be equal, numbers may differ by <paramref name="tolerance"/>
    /// (<see cref="SnapshotTolerance.RoundingNoise"/> when null), and a series' style and number of points must be equal
    /// whatever the tolerance. Returns null when they match, else a description of the first difference.
    /// </summary>
    public static string? FirstDifference(string expected, string actual, SnapshotTolerance? tolerance = null)
    {
        SnapshotTolerance allowed = tolerance ?? SnapshotTolerance.RoundingNoise;
        string[] expectedLines = SplitLines(expected);
        string[] actualLines = SplitLines(actual);
        string panel = "";
        string series = "";
        int point = -1;
        for (int i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            string? e = i < expectedLines.Length ? expectedLines[i] : null;
            string? a = i < actualLines.Length ? actualLines[i] : null;
            if (e is null || a is null || !LinesMatch(e, a, allowed))
            {
                return Describe(e, a, panel, series, point, i + 1);
            }

            // Track where we are, to name the panel, the series and the point that differ.
            if (e.StartsWith("panel: ", StringComparison.Ordinal))
            {
                (panel, series, point) = (e["panel: ".Length..], "", -1);
            }
            else if (e.TrimStart().StartsWith("series: ", StringComparison.Ordinal))
            {
                (series, point) = (e.TrimStart()["series: ".Length..], -1);
            }
            else if (series.Length > 0 && e.StartsWith("    ", StringComparison.Ordinal))
            {
                point++;
            }
        }

        return null;
    }

    private static string Describe(string? expected, string? actual, string panel, string series, int point, int line)
    {
        string where = $"line {line}";
        if (expected is null || actual is null)
        {
            return $"{where}: " + (expected is null ? $"yours has more lines than the reference, starting \"{actual}\"" : $"yours ends where the reference goes on with \"{expected}\"")
                   + (series.Length > 0 ? $" (after series {series} in panel \"{panel}\": a different number of points?)" : "");
        }

        string quantity = expected switch
        {
            _ when expected.StartsWith("figure: ", StringComparison.Ordinal) => "the figure's title",
            _ when expected.StartsWith("panel: ", StringComparison.Ordinal) => "a panel's title",
            _ when expected.Contains("x axis:", StringComparison.Ordinal) => $"the x axis of panel \"{panel}\"",
            _ when expected.Contains("y axis:", StringComparison.Ordinal) => $"the y axis of panel \"{panel}\"",
            _ when expected.TrimStart().StartsWith("series: ", StringComparison.Ordinal) => $"a series header in panel \"{panel}\" (its name or number of points)",
            _ when expected.TrimStart().StartsWith("contours: ", StringComparison.Ordinal) => $"the contours of panel \"{panel}\"",
            _ when series.Length > 0 => $"point {point + 2} (x y) of series {series} in panel \"{panel}\"",
            _ => "the plot data",
        };
        return $"{quantity}, {where}:\n  reference: {expected.Trim()}\n  yours:     {actual.Trim()}";
    }

    private static bool LinesMatch(string expected, string actual, SnapshotTolerance tolerance)
    {
        if (expected.TrimStart().StartsWith("series: ", StringComparison.Ordinal) && SeriesShape(expected) != SeriesShape(actual))
        {
            // "(Line, 5 points)": a wide tolerance for a figure's numbers must not let a point go missing.
            return false;
        }

        string[] e = Tokens().Split(expected.Trim());
        string[] a = Tokens().Split(actual.Trim());
        if (e.Length != a.Length)
        {
            return false;
        }

        for (int i = 0; i < e.Length; i++)
        {
            if (e[i] != a[i] && !NumbersMatch(e[i], a[i], tolerance))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Two tokens that are the same number within tolerance, with the same text around it: a unit, brackets
    /// or parentheses ("17.9859°", "(17.99°)", "[61,") are compared exactly, the number with the tolerance.
    /// </summary>
    private static bool NumbersMatch(string expected, string actual, SnapshotTolerance tolerance)
    {
        Match e = NumberWithAffixes().Match(expected);
        Match a = NumberWithAffixes().Match(actual);
        if (!e.Success || !a.Success || e.Groups["pre"].Value != a.Groups["pre"].Value || e.Groups["post"].Value != a.Groups["post"].Value
            || !double.TryParse(e.Groups["number"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double x)
            || !double.TryParse(a.Groups["number"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double y))
        {
            return false;
        }

        return tolerance.Allows(x, y);
    }

    /// <summary>The end of a series header, "(Style, N points)", or "" when the line has none.</summary>
    private static string SeriesShape(string header)
    {
        int open = header.LastIndexOf(" (", StringComparison.Ordinal);
        return open < 0 ? "" : header[open..].Trim();
    }

    private static string[] SplitLines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');

    private static string N(double value) => value.ToString("G" + SignificantDigits, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Tokens();

    [GeneratedRegex(@"^(?<pre>[^0-9+\-.]*)(?<number>[+\-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+\-]?\d+)?)(?<post>.*)$")]
    private static partial Regex NumberWithAffixes();
}
