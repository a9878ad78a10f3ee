namespace Katas.Linreg;

/// <summary>The mean and population standard deviation used to standardise a variable: z = (x − Mean) / StandardDeviation.</summary>
/// <param name="Mean">The variable's mean.</param>
/// <param name="StandardDeviation">The variable's population standard deviation (divide by n, not n − 1).</param>
public readonly record struct Standardisation(double Mean, double StandardDeviation)
{
    /// <summary>x in standard units.</summary>
    public double Apply(double x) => (x - Mean) / StandardDeviation;

    /// <summary>z back in the variable's own units.</summary>
    public double Invert(double z) => Mean + (z * StandardDeviation);
}

/// <summary>The outcome of gradient descent on standardised data.</summary>
/// <param name="Line">The fitted line in the data's own units (inches → pounds).</param>
/// <param name="StandardisedTrajectory">The run itself, in standard units (slope and intercept of z_weight against z_height).</param>
/// <param name="Heights">How the heights were standardised.</param>
/// <param name="Weights">How the weights were standardised.</param>
public sealed record NormalisedFit(Line Line, Trajectory StandardisedTrajectory, Standardisation Heights, Standardisation Weights);
