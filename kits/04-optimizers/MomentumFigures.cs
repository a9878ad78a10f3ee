using Katas.Figures;

namespace Katas.Optimizers.Kit;

/// <summary>The book's momentum picture: plain SGD stuck in the shallow valley, momentum rolling over the hill into the deep one.</summary>
public static class MomentumFigures
{
    /// <summary>How many steps of each path the figure shows (both have settled by then).</summary>
    public const int ShownSteps = 150;

    /// <summary>
    /// Two panels: both paths as points on the curve f(x) = x⁴ − 3x² + x, and x against the step.
    /// </summary>
    public static Figure Paths(string title, IReadOnlyList<double> sgd, IReadOnlyList<double> momentum)
    {
        double[] xs = Enumerable.Range(0, 121).Select(k => -2.0 + 4.6 * k / 120).ToArray();
        double[] sgdShown = sgd.Take(ShownSteps + 1).ToArray();
        double[] momentumShown = momentum.Take(ShownSteps + 1).ToArray();
        double[] steps = Enumerable.Range(0, ShownSteps + 1).Select(k => (double)k).ToArray();
        return new Figure(title,
        [
            new Panel("f(x) = x⁴ − 3x² + x", "x", "f(x)", new AxisLimits(-2.0, 2.6, -4.5, 12),
            [
                new Series("f", SeriesStyle.Line, "#b0b0b0", xs, xs.Select(TwoValleys.Value).ToArray()),
                new Series("SGD", SeriesStyle.Markers, "#d62728", sgdShown, sgdShown.Select(TwoValleys.Value).ToArray()),
                new Series("SGD with momentum 0.9", SeriesStyle.Markers, "#1f77b4", momentumShown, momentumShown.Select(TwoValleys.Value).ToArray()),
            ], LegendUpperLeft: false),
            new Panel("Position per step", "step", "x", new AxisLimits(0, ShownSteps, -2.0, 2.6),
            [
                new Series("SGD", SeriesStyle.Line, "#d62728", steps[..sgdShown.Length], sgdShown),
                new Series("SGD with momentum 0.9", SeriesStyle.Line, "#1f77b4", steps[..momentumShown.Length], momentumShown),
                new Series("local minimum", SeriesStyle.ReferenceLine, "#7f7f7f", [0], [TwoValleys.LocalMinimum]),
                new Series("global minimum", SeriesStyle.ReferenceLine, "#2ca02c", [0], [TwoValleys.GlobalMinimum]),
            ]),
        ]);
    }
}
