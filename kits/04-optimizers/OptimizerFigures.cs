using System.Globalization;
using Katas.Figures;

namespace Katas.Optimizers.Kit;

/// <summary>Kata 04's race figures: each optimizer's path over the surface's contours, and its loss per step.</summary>
public static class OptimizerFigures
{
    private const int GridSize = 60;
    private static readonly string[] Colors = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"];

    /// <summary>The race after <paramref name="step"/> steps (every path cut there).</summary>
    public static Figure Frame(Surface surface, IReadOnlyList<RaceResult> results, int step)
    {
        var paths = new List<Series>();
        var curves = new List<Series>();
        for (int i = 0; i < results.Count; i++)
        {
            RaceResult result = results[i];
            int shown = Math.Min(step + 1, result.Xs.Count);
            string color = Colors[i % Colors.Length];
            string arrival = result.StepsToTolerance is int arrived ? $"{arrived} steps" : "not there";
            paths.Add(new Series($"{result.Optimizer} ({arrival})", SeriesStyle.Line, color, result.Xs.Take(shown).ToArray(), result.Ys.Take(shown).ToArray()));
            paths.Add(new Series("", SeriesStyle.Highlight, color, [result.Xs[shown - 1]], [result.Ys[shown - 1]]));
            curves.Add(new Series(result.Optimizer, SeriesStyle.Line, color,
                Enumerable.Range(0, shown).Select(k => (double)k).ToArray(),
                result.Losses.Take(shown).Select(loss => Gap(surface, loss)).ToArray()));
        }

        paths.Add(new Series("minimum", SeriesStyle.Markers, "#000000", [surface.MinimumAt.X], [surface.MinimumAt.Y]));
        int steps = results.Max(result => result.Xs.Count - 1);
        var map = new Panel($"Paths on {surface.Name}", "x", "y",
            new AxisLimits(surface.Range.XMin, surface.Range.XMax, surface.Range.YMin, surface.Range.YMax), paths,
            ShowLegend: true, Contours: Grid(surface));
        var losses = new Panel("Distance to the minimum", "step", "log10(loss − minimum)",
            new AxisLimits(0, steps, -12.5, 4.5), curves.Append(
                new Series("tolerance", SeriesStyle.ReferenceLine, "#7f7f7f", [0], [Math.Log10(surface.Tolerance)])).ToList());
        string title = string.Create(CultureInfo.InvariantCulture, $"Optimizer race on {surface.Name} · step {Math.Min(step, steps)} of {steps}");
        return new Figure(title, [map, losses], Width: 1400, Height: 600);
    }

    /// <summary>Writes &lt;surface&gt;-race.png (the end) and, when <paramref name="animate"/>, &lt;surface&gt;-race.gif.</summary>
    public static RenderedRun WriteRace(Surface surface, IReadOnlyList<RaceResult> results, string folder, bool animate)
    {
        Directory.CreateDirectory(folder);
        int steps = results.Max(result => result.Xs.Count - 1);
        Figure last = Frame(surface, results, steps);
        string png = Path.Combine(folder, $"{surface.Name}-race.png");
        FigureRenderer.SavePng(last, png);
        if (!animate)
        {
            return new RenderedRun(last, png, null);
        }

        // Steps on a log-like schedule: the first steps matter most, and 60 frames are enough.
        int[] shownSteps = Enumerable.Range(0, 60).Select(k => (int)Math.Round(Math.Pow(steps, k / 59.0)) - 1).Prepend(0).Distinct().Where(k => k >= 0).ToArray();
        var frames = shownSteps.Select(k => Frame(surface, results, k) with { Width = 1050, Height = 450 }).ToList();
        string gif = Path.Combine(folder, $"{surface.Name}-race.gif");
        Animation.WriteGif(frames, gif, frameDelayMilliseconds: 120);
        return new RenderedRun(last, png, gif);
    }

    private static double Gap(Surface surface, double loss) =>
        double.IsFinite(loss) ? Math.Clamp(Math.Log10(Math.Max(loss - surface.MinimumValue, 1e-12)), -12, 4) : 4;

    /// <summary>log10 of the surface's height above its minimum, on a grid: contours of a log keep both the valley and the walls visible.</summary>
    private static ContourGrid Grid(Surface surface)
    {
        double[] xs = Enumerable.Range(0, GridSize).Select(i => surface.Range.XMin + (surface.Range.XMax - surface.Range.XMin) * i / (GridSize - 1)).ToArray();
        double[] ys = Enumerable.Range(0, GridSize).Select(i => surface.Range.YMin + (surface.Range.YMax - surface.Range.YMin) * i / (GridSize - 1)).ToArray();
        var z = new double[GridSize, GridSize];
        for (int i = 0; i < GridSize; i++)
        {
            for (int j = 0; j < GridSize; j++)
            {
                z[i, j] = Math.Log10(surface.Value(xs[j], ys[i]) - surface.MinimumValue + 1e-3);
            }
        }

        return new ContourGrid(xs, ys, z, 14);
    }
}
