using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Linreg;

/// <summary>Task 5: the article's lesson: standardise the data and one learning rate fits all.</summary>
public static class Normalisation
{
    /// <summary>
    /// Standardises <paramref name="values"/>: z = (x − mean) / std, with the population standard
    /// deviation (divide by n). Returns the standardised tensor and the statistics used.
    /// </summary>
    /// <param name="values">A 1-D tensor.</param>
    public static (Tensor Standardised, Standardisation Statistics) Standardise(Tensor values)
    {
        Tensor mean = values.mean();
        Tensor std = values.std(unbiased: false);
        var statistics = new Standardisation(mean.ToDouble(), std.ToDouble());
        return ((values - mean) / std, statistics);
    }

    /// <summary>
    /// Turns a line fitted to standardised data (z_w = a·z_h + b) into the same line in the data's
    /// own units (w = slope·h + intercept).
    /// </summary>
    /// <param name="standardised">The line in standard units.</param>
    /// <param name="heights">How heights were standardised.</param>
    /// <param name="weights">How weights were standardised.</param>
    public static Line MapBack(Line standardised, Standardisation heights, Standardisation weights)
    {
        double slope = standardised.Slope * weights.StandardDeviation / heights.StandardDeviation;
        double intercept = weights.Mean + weights.StandardDeviation * standardised.Intercept - slope * heights.Mean;
        return new Line(slope, intercept);
    }

    /// <summary>
    /// Standardises heights and weights, runs <see cref="GradientDescent.Run"/> on them from the line
    /// (0, 0) with one learning rate for both parameters, and maps the line the run ended on
    /// (<see cref="Trajectory.Final"/>, after the last step) back to the data's units.
    /// </summary>
    /// <param name="heights">The heights, shape [n].</param>
    /// <param name="weights">The weights, shape [n].</param>
    /// <param name="learningRate">The learning rate of both parameters.</param>
    /// <param name="iterations">How many steps to take (at least 1).</param>
    public static NormalisedFit Fit(Tensor heights, Tensor weights, double learningRate, int iterations)
    {
        using var scope = torch.NewDisposeScope();
        (Tensor zHeights, Standardisation heightStatistics) = Standardise(heights);
        (Tensor zWeights, Standardisation weightStatistics) = Standardise(weights);
        Trajectory run = GradientDescent.Run(zHeights, zWeights, new Line(0, 0), LearningRates.Uniform(learningRate), iterations);
        return new NormalisedFit(MapBack(run.Final, heightStatistics, weightStatistics), run, heightStatistics, weightStatistics);
    }
}
