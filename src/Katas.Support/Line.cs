using System.Globalization;

namespace Katas;

/// <summary>A straight line through the height/weight plane: weight = <see cref="Slope"/> × height + <see cref="Intercept"/>.</summary>
/// <param name="Slope">Pounds per inch.</param>
/// <param name="Intercept">Pounds at height zero.</param>
public readonly record struct Line(double Slope, double Intercept)
{
    /// <summary>The line's value at <paramref name="x"/>.</summary>
    public double At(double x) => Slope * x + Intercept;

    /// <summary>The line as an equation, e.g. "w = 6.0411 h − 230.53".</summary>
    public string Equation() => string.Create(CultureInfo.InvariantCulture,
        $"w = {Slope:0.####} h {(Intercept < 0 ? "−" : "+")} {Math.Abs(Intercept):0.##}");

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"(slope {Slope:G7}, intercept {Intercept:G7})");
}
