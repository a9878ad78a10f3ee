using Katas.Data;

namespace Katas.Figures;

/// <summary>The article's figure for katas 01 and 04: the data with the current line, and the loss so far.</summary>
public static class LineFitFigures
{
    private const string DataColor = "#1f77b4";
    private const string LineColor = "#d62728";
    private const string OptimumColor = "#2ca02c";
    private const int AnimationWidth = 900;
    private const int AnimationHeight = 375;

    /// <summary>One figure per iteration of <paramref name="run"/> (the animation's frames).</summary>
    public static IReadOnlyList<Figure> Frames(HeightWeightSample data, Trajectory run, Line optimum, double optimumLoss, string runName) =>
        Enumerable.Range(0, run.Count).Select(i => Frame(data, run, i, optimum, optimumLoss, runName)).ToList();

    /// <summary>The figure at <paramref name="iteration"/>; axis limits are those of the whole run, so frames line up.</summary>
    public static Figure Frame(HeightWeightSample data, Trajectory run, int iteration, Line optimum, double optimumLoss, string runName)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(iteration);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(iteration, run.Count);
        TrajectoryStep step = run[iteration];
        string title = $"{runName} · iteration {iteration + 1}/{run.Count} · MSE {Format(step.Loss)} · {step.Line.Equation()}";
        return new Figure(title, [DataPanel(data, step.Line, optimum), LossPanel(run, iteration, optimumLoss)]);
    }

    /// <summary>
    /// Writes a run's figures into <paramref name="folder"/>: &lt;stem&gt;.png (the last iteration) and,
    /// when <paramref name="animate"/> is set, &lt;stem&gt;.gif (every iteration; about two seconds of work).
    /// Returns the last frame, whose data tests snapshot.
    /// </summary>
    public static RenderedRun WriteRun(HeightWeightSample data, Trajectory run, Line optimum, double optimumLoss, string runName,
        string folder, string stem, bool animate)
    {
        ArgumentOutOfRangeException.ThrowIfZero(run.Count);
        IReadOnlyList<Figure> frames = Frames(data, run, optimum, optimumLoss, runName);
        Directory.CreateDirectory(folder);
        string png = Path.Combine(folder, stem + ".png");
        string gif = Path.Combine(folder, stem + ".gif");
        FigureRenderer.SavePng(frames[^1], png);

        if (!animate)
        {
            return new RenderedRun(frames[^1], png, null);
        }

        // Animation frames are smaller than the still: a GIF of full-size frames takes twice as long to make.
        Animation.WriteGif(frames.Select(frame => frame with { Width = AnimationWidth, Height = AnimationHeight }).ToList(), gif);
        return new RenderedRun(frames[^1], png, gif);
    }

    private static Panel DataPanel(HeightWeightSample data, Line current, Line optimum)
    {
        double xMin = Math.Floor(data.Heights.Min()) - 1;
        double xMax = Math.Ceiling(data.Heights.Max()) + 1;
        double yMin = Math.Floor(data.Weights.Min() / 10) * 10 - 20;
        double yMax = Math.Ceiling(data.Weights.Max() / 10) * 10 + 20;
        double[] ends = [xMin, xMax];
        return new Panel("Heights and weights", "height (inches)", "weight (pounds)", new AxisLimits(xMin, xMax, yMin, yMax),
        [
            new Series("150 men", SeriesStyle.Markers, DataColor, data.Heights, data.Weights),
            new Series("least squares", SeriesStyle.Line, OptimumColor, ends, [optimum.At(xMin), optimum.At(xMax)]),
            new Series("current line", SeriesStyle.Line, LineColor, ends, [current.At(xMin), current.At(xMax)]),
        ], LegendUpperLeft: true);
    }

    private static Panel LossPanel(Trajectory run, int iteration, double optimumLoss)
    {
        double[] finite = run.Losses.Where(double.IsFinite).ToArray();
        double yMax = Math.Max(finite.Length > 0 ? finite.Max() : 1, optimumLoss) * 1.1;
        double[] iterations = Enumerable.Range(1, iteration + 1).Select(i => (double)i).ToArray();
        double[] losses = run.Losses.Take(iteration + 1).ToArray();
        return new Panel("Loss per iteration", "iteration", "mean squared error", new AxisLimits(0, run.Count + 1, 0, yMax),
        [
            new Series("loss", SeriesStyle.Line, LineColor, iterations, losses),
            new Series("now", SeriesStyle.Highlight, LineColor, [iteration + 1], [losses[^1]]),
            new Series($"optimum {Format(optimumLoss)}", SeriesStyle.ReferenceLine, OptimumColor, [0], [optimumLoss]),
        ]);
    }

    private static string Format(double value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
