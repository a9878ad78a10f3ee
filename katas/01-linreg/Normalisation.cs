using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Linreg;

/// <summary>Task 5: the article's lesson: standardise the data and one learning rate fits all.</summary>
public static class Normalisation
{
    /// <summary>
    /// Standardises <paramref name="values"/>: z = (x − mean) / std, with the population standard
    /// deviation (divide by n, not n − 1). Returns the standardised tensor and the statistics used.
    /// </summary>
    /// <param name="values">A 1-D tensor.</param>
    public static (Tensor Standardised, Standardisation Statistics) Standardise(Tensor values)
    {
        throw new NotImplementedException(
            "Kata 01, task 5 (Normalisation.Standardise) is not implemented yet: see katas/01-linreg/README.md, task 5.");
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
        throw new NotImplementedException(
            "Kata 01, task 5 (Normalisation.MapBack) is not implemented yet: see katas/01-linreg/README.md, task 5.");
    }

    /// <summary>
    /// Standardises heights and weights, runs your <see cref="GradientDescent.Run"/> on them from the
    /// line (0, 0) with one learning rate for both parameters, and maps the line the run ended on
    /// (<see cref="Trajectory.Final"/>, after the last step) back to
    /// the data's units.
    /// </summary>
    /// <param name="heights">The heights, shape [n].</param>
    /// <param name="weights">The weights, shape [n].</param>
    /// <param name="learningRate">The learning rate of both parameters.</param>
    /// <param name="iterations">How many steps to take (at least 1).</param>
    public static NormalisedFit Fit(Tensor heights, Tensor weights, double learningRate, int iterations)
    {
        throw new NotImplementedException(
            "Kata 01, task 5 (Normalisation.Fit) is not implemented yet: see katas/01-linreg/README.md, task 5.");
    }
}
