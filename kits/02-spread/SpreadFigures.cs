using System.Globalization;
using Katas.Figures;

namespace Katas.Spread.Kit;

/// <summary>Kata 02's figures: vectors on the circle (2D) or the two hemispheres (3D), and the smallest angle over time.</summary>
public static class SpreadFigures
{
    private const string VectorColor = "#1f77b4";
    private const string LinkColor = "#d62728";
    private const string OptimumColor = "#2ca02c";
    private const string OutlineColor = "#7f7f7f";
    private static readonly string[] RunColors = ["#1f77b4", "#ff7f0e", "#d62728", "#2ca02c", "#9467bd"];

    /// <summary>The figure at recorded step <paramref name="stepIndex"/> of a run in 2 or 3 dimensions.</summary>
    /// <param name="run">The run.</param>
    /// <param name="stepIndex">Index into <see cref="SpreadRun.Steps"/>.</param>
    /// <param name="runName">Names the loss or run, for the title.</param>
    /// <param name="optimumDegrees">The best possible smallest angle, marked on the curve (NaN to omit).</param>
    public static Figure Frame(SpreadRun run, int stepIndex, string runName, double optimumDegrees)
    {
        SpreadStep step = run.Steps[stepIndex];
        int dimension = step.Vectors[0].Length;
        if (dimension is not (2 or 3))
        {
            throw new ArgumentException($"Vectors can be drawn in 2 or 3 dimensions, not {dimension}.", nameof(run));
        }

        string title = string.Create(CultureInfo.InvariantCulture,
            $"{runName} · N = {step.Vectors.Length}, {dimension}D · iteration {step.Iteration} · smallest angle {step.MinimumAngleDegrees:0.0000}°");
        Panel curve = AngleCurve(run, stepIndex, optimumDegrees);
        return dimension == 2
            ? new Figure(title, [Circle(step.Vectors), curve])
            : new Figure(title, [Hemisphere(step, front: true), Hemisphere(step, front: false), curve], Width: 1500);
    }

    /// <summary>Smallest angle against iteration for several runs in one panel.</summary>
    public static Figure Comparison(string title, IReadOnlyList<(string Name, SpreadRun Run)> runs, double optimumDegrees)
    {
        double maxIteration = runs.Max(entry => entry.Run.Final.Iteration);
        var series = runs.Select((entry, i) => new Series(
                string.Create(CultureInfo.InvariantCulture, $"{entry.Name} ({entry.Run.Final.MinimumAngleDegrees:0.00}°)"),
                SeriesStyle.Line, RunColors[i % RunColors.Length],
                entry.Run.Steps.Select(step => (double)step.Iteration).ToArray(),
                entry.Run.Steps.Select(step => step.MinimumAngleDegrees).ToArray()))
            .Append(OptimumLine(optimumDegrees))
            .ToList();
        var panel = new Panel("Smallest angle per iteration", "iteration", "smallest angle (degrees)",
            new AxisLimits(0, maxIteration, 0, optimumDegrees * 1.15), series, LegendUpperLeft: false);
        return new Figure(title, [panel], Width: 1000, Height: 560);
    }

    /// <summary>Writes &lt;stem&gt;.png (the last step) and, when <paramref name="animate"/>, &lt;stem&gt;.gif (every recorded step).</summary>
    public static RenderedRun WriteRun(SpreadRun run, string runName, double optimumDegrees, string folder, string stem, bool animate)
    {
        Directory.CreateDirectory(folder);
        string png = Path.Combine(folder, stem + ".png");
        Figure last = Frame(run, run.Steps.Count - 1, runName, optimumDegrees);
        FigureRenderer.SavePng(last, png);
        if (!animate)
        {
            return new RenderedRun(last, png, null);
        }

        // At most 60 frames: a GIF costs about 80 ms per frame to make.
        int stride = Math.Max(1, (run.Steps.Count + 59) / 60);
        var frames = Enumerable.Range(0, run.Steps.Count)
            .Where(i => i % stride == 0 || i == run.Steps.Count - 1)
            .Select(i => Frame(run, i, runName, optimumDegrees))
            .Select(frame => frame with { Width = frame.Width * 3 / 4, Height = frame.Height * 3 / 4 })
            .ToList();
        string gif = Path.Combine(folder, stem + ".gif");
        Animation.WriteGif(frames, gif, frameDelayMilliseconds: 100);
        return new RenderedRun(last, png, gif);
    }

    private static Panel Circle(double[][] vectors)
    {
        double[] spokes = vectors.SelectMany(v => new[] { 0.0, v[0] }).ToArray();
        double[] spokeYs = vectors.SelectMany(v => new[] { 0.0, v[1] }).ToArray();
        return new Panel("Vectors", "x", "y", new AxisLimits(-1.2, 1.2, -1.2, 1.2),
        [
            UnitCircle(),
            new Series("vectors", SeriesStyle.Segments, VectorColor, spokes, spokeYs),
            new Series("tips", SeriesStyle.Markers, VectorColor, vectors.Select(v => v[0]).ToArray(), vectors.Select(v => v[1]).ToArray()),
        ], ShowLegend: false, SquareAxes: true);
    }

    /// <summary>An orthographic view of one hemisphere (z ≥ 0 seen from +z; z &lt; 0 from −z, mirrored), with the contact graph.</summary>
    private static Panel Hemisphere(SpreadStep step, bool front)
    {
        double[][] vectors = step.Vectors;
        bool Visible(double[] v) => front ? v[2] >= 0 : v[2] < 0;
        double X(double[] v) => front ? v[0] : -v[0];
        // The contact graph: each vector joined to every vector at (within 0.1% of) its nearest-neighbour angle.
        double[] nearest = vectors.Select((v, i) => vectors.Where((_, j) => j != i).Min(w => SpreadGeometry.Angle(v, w))).ToArray();
        var links = new List<(int, int)>();
        for (int i = 0; i < vectors.Length; i++)
        {
            for (int j = i + 1; j < vectors.Length; j++)
            {
                double angle = SpreadGeometry.Angle(vectors[i], vectors[j]);
                if (Visible(vectors[i]) && Visible(vectors[j]) && angle <= Math.Max(nearest[i], nearest[j]) * 1.001)
                {
                    links.Add((i, j));
                }
            }
        }

        var ordered = links.Select(link => (A: vectors[link.Item1], B: vectors[link.Item2])).ToList();
        double[][] shown = vectors.Where(Visible).ToArray();
        return new Panel(front ? "Front hemisphere (z ≥ 0)" : "Back hemisphere (z < 0, mirrored)", "x", "y",
            new AxisLimits(-1.15, 1.15, -1.15, 1.15),
        [
            UnitCircle(),
            new Series("nearest-neighbour links", SeriesStyle.Segments, LinkColor,
                ordered.SelectMany(link => new[] { X(link.A), X(link.B) }).ToArray(), ordered.SelectMany(link => new[] { link.A[1], link.B[1] }).ToArray()),
            new Series("vectors", SeriesStyle.Markers, VectorColor, shown.Select(X).ToArray(), shown.Select(v => v[1]).ToArray()),
        ], ShowLegend: false, SquareAxes: true);
    }

    private static Panel AngleCurve(SpreadRun run, int stepIndex, double optimumDegrees)
    {
        SpreadStep[] shown = run.Steps.Take(stepIndex + 1).ToArray();
        double yMax = Math.Max(run.Steps.Max(step => step.MinimumAngleDegrees), double.IsNaN(optimumDegrees) ? 0 : optimumDegrees) * 1.15;
        var series = new List<Series>
        {
            new("smallest angle", SeriesStyle.Line, LinkColor, shown.Select(step => (double)step.Iteration).ToArray(),
                shown.Select(step => step.MinimumAngleDegrees).ToArray()),
        };
        if (!double.IsNaN(optimumDegrees))
        {
            series.Add(OptimumLine(optimumDegrees));
        }

        return new Panel("Smallest angle per iteration", "iteration", "degrees",
            new AxisLimits(0, Math.Max(1, run.Final.Iteration), 0, Math.Max(1, yMax)), series, LegendUpperLeft: false);
    }

    private static Series OptimumLine(double degrees) =>
        new(string.Create(CultureInfo.InvariantCulture, $"best possible {degrees:0.0000}°"), SeriesStyle.ReferenceLine, OptimumColor, [0], [degrees]);

    private static Series UnitCircle()
    {
        double[] angles = Enumerable.Range(0, 121).Select(k => 2 * Math.PI * k / 120).ToArray();
        return new Series("unit circle", SeriesStyle.Line, OutlineColor, angles.Select(Math.Cos).ToArray(), angles.Select(Math.Sin).ToArray());
    }
}
