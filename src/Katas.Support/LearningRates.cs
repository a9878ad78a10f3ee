using System.Globalization;

namespace Katas;

/// <summary>
/// One learning rate per parameter. Raw heights are around 69 while the intercept's gradient is
/// about 69 times smaller than the slope's, so the article gives the intercept a step 1000 times larger.
/// </summary>
/// <param name="Slope">Step size for the slope.</param>
/// <param name="Intercept">Step size for the intercept.</param>
public readonly record struct LearningRates(double Slope, double Intercept)
{
    /// <summary>The article's manual run: 2e-5 for the slope, the intercept's gradient scaled by 1000.</summary>
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
