using System.Globalization;
using Katas.Figures;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Adversarial.Kit;

/// <summary>
/// Kata 03's figures as data (what the snapshots pin): the article's strip (each step's verdict, like "Cat 99.0%",
/// with a bar per class) and the patch view (a 6 x 6 block of the red channel in counts, before, after and the
/// difference). <see cref="PictureDrawing"/> draws them with the pictures themselves.
/// </summary>
public static class AdversarialFigures
{
    /// <summary>The side of the patch view's block.</summary>
    public const int PatchSize = 6;

    private static readonly string[] ClassColors = ["#ff7f0e", "#1f77b4", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    /// <summary>"Cat 99.0%": the most likely class and its probability, one decimal, as the article prints it.</summary>
    public static string Verdict(IReadOnlyList<string> classNames, double[] probabilities)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        ArgumentNullException.ThrowIfNull(probabilities);
        int best = Array.IndexOf(probabilities, probabilities.Max());
        return string.Create(CultureInfo.InvariantCulture, $"{classNames[best]} {100 * probabilities[best]:0.0}%");
    }

    /// <summary>
    /// The article's strip for picture <paramref name="index"/> of the attacked batch: one panel per image (the original,
    /// then each step) titled with its verdict, the x label giving the step and the largest change so far in counts, and one
    /// horizontal bar (a segment from 0 to p) per class.
    /// </summary>
    public static Figure Strip(string title, AttackSteps run, int index, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(classNames);
        var panels = new List<Panel>();
        Tensor original = run.Images[0][index];
        for (int k = 0; k < run.Images.Count; k++)
        {
            double[] p = run.Probabilities[k][index].to(ScalarType.Float64).data<double>().ToArray();
            double linf = (run.Images[k][index] - original).abs().max().ToDouble() * 255;
            string label = k == 0 ? "original" : string.Create(CultureInfo.InvariantCulture, $"step {k}: largest change {linf:0.##}/255");
            var bars = new List<Series>();
            for (int c = 0; c < p.Length; c++)
            {
                double y = p.Length - c - 0.5;
                bars.Add(new Series(string.Create(CultureInfo.InvariantCulture, $"{classNames[c]} {100 * p[c]:0.0}%"), SeriesStyle.Segments,
                    ClassColors[c % ClassColors.Length], [0, p[c]], [y, y]));
            }

            panels.Add(new Panel(Verdict(classNames, p), label, "", new AxisLimits(0, 1, 0, p.Length), bars, ShowLegend: true));
        }

        return new Figure(title, panels, Width: 260 * panels.Count, Height: 330);
    }

    /// <summary>
    /// The patch view: the red channel of the <see cref="PatchSize"/> x <see cref="PatchSize"/> block at
    /// (<paramref name="top"/>, <paramref name="left"/>) of two pictures [3, H, W], as 0-255 counts, and their difference.
    /// Each panel holds one series per row of the block: x is the column, y the count.
    /// </summary>
    public static Figure Patch(string title, Tensor before, Tensor after, int top, int left, string afterLabel)
    {
        int[,] a = RedCounts(before, top, left);
        int[,] b = RedCounts(after, top, left);
        var difference = new int[PatchSize, PatchSize];
        for (int r = 0; r < PatchSize; r++)
        {
            for (int c = 0; c < PatchSize; c++)
            {
                difference[r, c] = b[r, c] - a[r, c];
            }
        }

        string where = string.Create(CultureInfo.InvariantCulture, $"rows {top}-{top + PatchSize - 1}, columns {left}-{left + PatchSize - 1}");
        return new Figure(title,
        [
            CountsPanel("red channel before (counts)", where, a, 0, 255),
            CountsPanel($"red channel {afterLabel} (counts)", where, b, 0, 255),
            CountsPanel("difference (counts)", where, difference, -8, 8),
        ], Width: 1200, Height: 420);
    }

    /// <summary>The red channel of a block of a picture [3, H, W] (values in [0, 1]) as counts 0-255, rounded to the nearest.</summary>
    public static int[,] RedCounts(Tensor picture, int top, int left)
    {
        ArgumentNullException.ThrowIfNull(picture);
        using var scope = NewDisposeScope();
        double[] red = picture[0].narrow(0, top, PatchSize).narrow(1, left, PatchSize).to(ScalarType.Float64).contiguous().data<double>().ToArray();
        var counts = new int[PatchSize, PatchSize];
        for (int i = 0; i < red.Length; i++)
        {
            counts[i / PatchSize, i % PatchSize] = (int)Math.Round(Math.Clamp(red[i], 0, 1) * 255, MidpointRounding.AwayFromZero);
        }

        return counts;
    }

    /// <summary>Reads the counts back out of a patch panel (row series in order), for drawing.</summary>
    public static int[,] Counts(Panel panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var counts = new int[PatchSize, PatchSize];
        for (int r = 0; r < PatchSize; r++)
        {
            for (int c = 0; c < PatchSize; c++)
            {
                counts[r, c] = (int)Math.Round(panel.Series[r].Ys[c]);
            }
        }

        return counts;
    }

    private static Panel CountsPanel(string title, string where, int[,] counts, double low, double high)
    {
        var rows = new List<Series>();
        for (int r = 0; r < PatchSize; r++)
        {
            rows.Add(new Series($"row {r}", SeriesStyle.Line, ClassColors[r % ClassColors.Length],
                Enumerable.Range(0, PatchSize).Select(c => (double)c).ToArray(), Enumerable.Range(0, PatchSize).Select(c => (double)counts[r, c]).ToArray()));
        }

        return new Panel(title, "column of the block (" + where + ")", "count", new AxisLimits(-0.5, PatchSize - 0.5, low, high), rows, ShowLegend: false);
    }

    /// <summary>
    /// Success rate against ε: one series per attack (share of pictures no longer classified as their class), ε in counts
    /// on a log2 axis (x = log2 of the counts, labelled as such).
    /// </summary>
    public static Figure EpsilonCurves(string title, IReadOnlyList<double> epsilons255, IReadOnlyList<(string Name, double[] Success)> attacks)
    {
        ArgumentNullException.ThrowIfNull(epsilons255);
        ArgumentNullException.ThrowIfNull(attacks);
        double[] xs = epsilons255.Select(Math.Log2).ToArray();
        var series = attacks.Select((attack, i) => new Series(attack.Name, SeriesStyle.Line, ClassColors[(i + 3) % ClassColors.Length], xs, attack.Success)).ToList();
        return new Figure(title,
        [
            new Panel("Share of pictures fooled", "log2 of ε in counts (0 = 1/255, 3 = 8/255)", "fooled", new AxisLimits(xs.Min() - 0.25, xs.Max() + 0.25, 0, 1.05),
                series, LegendUpperLeft: true),
        ], Width: 800, Height: 520);
    }

    /// <summary>The dimension study's curve: the ε (in counts) at which FGSM flips half the pictures, against the number of inputs (log2).</summary>
    public static Figure DimensionCurve(string title, IReadOnlyList<DimensionRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        DimensionRow[] reached = rows.Where(row => row.Epsilon50 is not null).ToArray();
        double[] xs = reached.Select(row => Math.Log2(row.Side * row.Side)).ToArray();
        double[] ys = reached.Select(row => row.Epsilon50!.Value).ToArray();
        double top = ys.DefaultIfEmpty(1).Max() * 1.15;
        return new Figure(title,
        [
            new Panel("ε at which FGSM flips half the correctly classified pictures", "log2 of the number of inputs", "ε in counts",
                new AxisLimits(xs.DefaultIfEmpty(0).Min() - 0.5, xs.DefaultIfEmpty(1).Max() + 0.5, 0, top),
                [new Series("logistic regression on Fashion-MNIST", SeriesStyle.Line, "#1f77b4", xs, ys)]),
        ], Width: 800, Height: 520);
    }
}
