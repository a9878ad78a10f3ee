using System.Globalization;
using Katas.Figures;

namespace Katas.Dense.Kit;

/// <summary>Kata 05's figures: loss and accuracy per epoch for both networks, and the book's grid of test images with their predictions.</summary>
public static class DenseFigures
{
    private const string FromScratchColor = "#d62728";
    private const string BuiltInColor = "#1f77b4";

    /// <summary>
    /// Two panels: the mean training loss per epoch, and the training accuracy per epoch with each network's
    /// test accuracy as a dashed line. Either history may be null (only one network trained).
    /// </summary>
    public static Figure TrainingCurves(string title, TrainingHistory? fromScratch, double? fromScratchTest, TrainingHistory? builtIn, double? builtInTest)
    {
        var runs = new List<(string Name, string Color, TrainingHistory History, double? Test)>();
        if (fromScratch is not null)
        {
            runs.Add(("from scratch", FromScratchColor, fromScratch, fromScratchTest));
        }

        if (builtIn is not null)
        {
            runs.Add(("built in", BuiltInColor, builtIn, builtInTest));
        }

        int epochs = Math.Max(1, runs.Select(run => run.History.Count).DefaultIfEmpty(1).Max());
        double maxLoss = runs.SelectMany(run => run.History.Select(epoch => epoch.Loss)).Where(double.IsFinite).DefaultIfEmpty(1).Max();
        var lossSeries = runs.Select(run => Curve(run.Name, run.Color, run.History, epoch => epoch.Loss)).ToList();
        var accuracySeries = runs.Select(run => Curve(run.Name + " (training)", run.Color, run.History, epoch => epoch.Accuracy)).ToList();
        foreach ((string name, string color, _, double? test) in runs)
        {
            if (test is { } accuracy)
            {
                accuracySeries.Add(new Series(string.Create(CultureInfo.InvariantCulture, $"{name}: test {accuracy:0.000}"), SeriesStyle.ReferenceLine, color, [0], [accuracy]));
            }
        }

        return new Figure(title,
        [
            new Panel("Mean training loss per epoch", "epoch", "sparse categorical cross-entropy", new AxisLimits(0.5, epochs + 0.5, 0, maxLoss * 1.1), lossSeries),
            // Headroom above 1 keeps the legend off the curves, which end near the top.
            new Panel("Accuracy", "epoch", "share classified correctly", new AxisLimits(0.5, epochs + 0.5, 0, 1.3), accuracySeries),
        ], Width: 1300, Height: 520);
    }

    /// <summary>
    /// The book's check of a trained network: the first test images, each titled with the predicted class and its
    /// probability, the true class underneath.
    /// </summary>
    /// <param name="title">The figure's title.</param>
    /// <param name="pixels">Each image's pixels in [0, 1], row after row (784 values).</param>
    /// <param name="probabilities">Each image's class probabilities.</param>
    /// <param name="labels">Each image's true class.</param>
    /// <param name="classNames">The class names, by label.</param>
    public static Figure PredictionGrid(string title, IReadOnlyList<double[]> pixels, IReadOnlyList<double[]> probabilities, IReadOnlyList<int> labels,
        IReadOnlyList<string> classNames)
    {
        var panels = new List<Panel>();
        for (int i = 0; i < pixels.Count; i++)
        {
            int side = (int)Math.Round(Math.Sqrt(pixels[i].Length));
            var ink = new double[side, side];
            for (int r = 0; r < side; r++)
            {
                for (int c = 0; c < side; c++)
                {
                    ink[r, c] = pixels[i][r * side + c];
                }
            }

            int predicted = Array.IndexOf(probabilities[i], probabilities[i].Max());
            string verdict = predicted == labels[i] ? "" : "✗ ";
            panels.Add(new Panel(string.Create(CultureInfo.InvariantCulture, $"{verdict}{classNames[predicted]} {probabilities[i][predicted]:0.00}"),
                "true: " + classNames[labels[i]], "", new AxisLimits(0, side, 0, side), [], ShowLegend: false, SquareAxes: true, Image: new PixelImage(ink)));
        }

        return new Figure(title, panels, Width: 230 * Math.Max(1, pixels.Count), Height: 330);
    }

    private static Series Curve(string name, string color, TrainingHistory history, Func<EpochResult, double> value) =>
        new(name, SeriesStyle.Line, color, history.Select(epoch => (double)epoch.Epoch).ToArray(), history.Select(value).ToArray());
}
