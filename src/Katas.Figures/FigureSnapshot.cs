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
    /// Compares snapshot texts line by line: words must be equal, numbers may differ by
    /// <paramref name="relativeTolerance"/> of their size, plus 1e-6 absolute for values near zero (invisible in any plot).
    /// Returns null when they match, else a description of the first difference.
    /// </summary>
    public static string? FirstDifference(string expected, string actual, double relativeTolerance = 2e-4)
    {
        string[] expectedLines = SplitLines(expected);
        string[] actualLines = SplitLines(actual);
        for (int i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            string? e = i < expectedLines.Length ? expectedLines[i] : null;
            string? a = i < actualLines.Length ? actualLines[i] : null;
            if (e is null || a is null || !LinesMatch(e, a, relativeTolerance))
            {
                return $"line {i + 1}:\n  expected: {e ?? "(end of snapshot)"}\n  actual:   {a ?? "(end of output)"}";
            }
        }

        return null;
    }

    private static bool LinesMatch(string expected, string actual, double relativeTolerance)
    {
        string[] e = Tokens().Split(expected.Trim());
        string[] a = Tokens().Split(actual.Trim());
        if (e.Length != a.Length)
        {
            return false;
        }

        for (int i = 0; i < e.Length; i++)
        {
            if (e[i] == a[i])
            {
                continue;
            }

            if (!TryNumber(e[i], out double x) || !TryNumber(a[i], out double y))
            {
                return false;
            }

            double scale = Math.Max(Math.Abs(x), Math.Abs(y));
            if (!(Math.Abs(x - y) <= relativeTolerance * scale + 1e-6))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryNumber(string token, out double value) =>
        double.TryParse(token.Trim('[', ']', ',', '(', ')'), NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private static string[] SplitLines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');

    private static string N(double value) => value.ToString("G" + SignificantDigits, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Tokens();
}
