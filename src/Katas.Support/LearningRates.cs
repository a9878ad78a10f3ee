using System.Globalization;

namespace Katas;

/// <summary>
/// One learning rate per parameter. What limits a learning rate is the loss's curvature along the
/// parameter, not the size of its gradient: on the raw data the Hessian's diagonal is 2·E[h²] ≈ 9,500
/// for the slope and 2 for the intercept. A rate the slope tolerates (well below 2/9,500) shrinks the
/// intercept's error by only about 2·rate per step, so the article gives the intercept a rate 1000
/// times larger (the curvatures' ratio, about 4,750, is the most it could take).
/// </summary>
/// <param name="Slope">Step size for the slope.</param>
/// <param name="Intercept">Step size for the intercept.</param>
public readonly record struct LearningRates(double Slope, double Intercept)
{
    /// <summary>The article's manual run: 2e-5 for the slope, 1000 times that for the far less curved intercept.</summary>
    public static LearningRates Article { get; } = new(2e-5, 2e-5 * 1000);

    /// <summary>The same rate for both parameters.</summary>
    public static LearningRates Uniform(double rate) => new(rate, rate);

    /// <summary>Both rates multiplied by <paramref name="factor"/>.</summary>
    public LearningRates Times(double factor) => new(Slope * factor, Intercept * factor);

    /// <inheritdoc />
    public override string ToString() => Slope == Intercept
        ? string.Create(CultureInfo.InvariantCulture, $"{Slope:G4}")
        : string.Create(CultureInfo.InvariantCulture, $"{Slope:G4} (slope) / {Intercept:G4} (intercept)");
}
