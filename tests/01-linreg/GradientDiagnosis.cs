using Katas.Testing.Oracles;

namespace Katas.Linreg.Tests;

/// <summary>
/// Compares the slope and intercept gradients a learner's Gradients.OfMeanSquaredError returned with the closed form, and
/// names the likely cause in terms of what that method does: the two tensors it creates and what it returns.
/// </summary>
internal static class GradientDiagnosis
{
    /// <summary>Null when (<paramref name="slope"/>, <paramref name="intercept"/>) is the gradient of the MSE at <paramref name="at"/>, else a message.</summary>
    public static string? Check(Line at, double slope, double intercept)
    {
        (double expectedSlope, double expectedIntercept) = Gradient(at);
        string? table = GradientCheck.Compare(["slope", "intercept"], [slope, intercept], [expectedSlope, expectedIntercept],
            "autograd (yours)", "(2/n)Σe·h, (2/n)Σe", relative: 1e-9, absolute: 1e-9);
        return table is null ? null : $"At {at}, the gradients your Gradients.OfMeanSquaredError returned differ from the closed form:\n{table}{Cause(at, slope, intercept)}";
    }

    private static string Cause(Line at, double slope, double intercept)
    {
        (double expectedSlope, double expectedIntercept) = Gradient(at);
        bool Matches((double Slope, double Intercept) gradient) => Near(slope, gradient.Slope) && Near(intercept, gradient.Intercept);
        return true switch
        {
            _ when Matches((expectedIntercept, expectedSlope)) =>
                "Likely cause: the two are returned in the wrong order: return (slope.grad, intercept.grad).",
            _ when Matches(Gradient(new Line(at.Slope, at.Slope))) =>
                "Likely cause: the intercept tensor was created from at.Slope: it must start at at.Intercept.",
            _ when Matches(Gradient(new Line(at.Intercept, at.Intercept))) =>
                "Likely cause: the slope tensor was created from at.Intercept: it must start at at.Slope.",
            _ when Matches((2 * expectedSlope, 2 * expectedIntercept)) =>
                "Likely cause: they are twice the expected values: backward() ran twice on the same parameters (it adds into .grad).",
            _ when Matches((-expectedSlope, -expectedIntercept)) =>
                "Likely cause: the signs are flipped: check the loss (task 1), e = slope·h + intercept − w.",
            _ => "Make the two parameters tensors at at.Slope and at.Intercept that require grad, compute the loss with your " +
                 "Loss.MeanSquaredError, call backward() and return their .grad.",
        };
    }

    private static (double Slope, double Intercept) Gradient(Line at) => Oracle.Gradient(Oracle.Sample.Heights, Oracle.Sample.Weights, at);

    private static bool Near(double actual, double expected) => Math.Abs(actual - expected) <= 1e-9 * Math.Max(1, Math.Abs(expected));
}
