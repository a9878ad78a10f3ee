using System.Globalization;
using System.Text;

namespace Katas.Testing.Oracles;

/// <summary>
/// Numerical gradients by central finite differences, the independent oracle for autograd:
/// ∂f/∂xᵢ ≈ (f(x + hεᵢ) − f(x − hεᵢ)) / 2h, with an error of order h². Use float64 functions.
/// </summary>
public static class GradientCheck
{
    /// <summary>The central-difference gradient of <paramref name="f"/> at <paramref name="x"/>.</summary>
    /// <param name="f">A function of the parameters, computed in float64.</param>
    /// <param name="x">The point.</param>
    /// <param name="relativeStep">h for each coordinate is this times max(1, |xᵢ|).</param>
    public static double[] CentralDifferences(Func<double[], double> f, IReadOnlyList<double> x, double relativeStep = 1e-6)
    {
        var gradient = new double[x.Count];
        for (int i = 0; i < x.Count; i++)
        {
            double h = relativeStep * Math.Max(1.0, Math.Abs(x[i]));
            double[] up = [.. x];
            double[] down = [.. x];
            up[i] += h;
            down[i] -= h;
            gradient[i] = (f(up) - f(down)) / (2 * h);
        }

        return gradient;
    }

    /// <summary>
    /// Compares a gradient with a reference, coordinate by coordinate. Returns null when every
    /// coordinate agrees within |a − r| ≤ absolute + relative·|r|, else a table of all coordinates.
    /// </summary>
    public static string? Compare(IReadOnlyList<string> names, IReadOnlyList<double> actual, IReadOnlyList<double> reference,
        string actualLabel, string referenceLabel, double relative, double absolute = 0)
    {
        bool ok = true;
        double largestError = 0;
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"  {"parameter",-12}{actualLabel,22}{referenceLabel,22}{"relative error",16}");
        for (int i = 0; i < names.Count; i++)
        {
            double error = Math.Abs(actual[i] - reference[i]);
            double scale = Math.Max(Math.Abs(reference[i]), double.Epsilon);
            bool agrees = error <= absolute + relative * Math.Abs(reference[i]) && double.IsFinite(actual[i]);
            ok &= agrees;
            largestError = agrees ? largestError : Math.Max(largestError, double.IsFinite(actual[i]) ? error / scale : double.PositiveInfinity);
            table.AppendLine(CultureInfo.InvariantCulture,
                $"  {names[i],-12}{actual[i],22:G12}{reference[i],22:G12}{error / scale,16:G3}{(agrees ? "" : "  <-- differs")}");
        }

        // A comparison at float64's precision that fails only by float32's rounding has one likely cause, whatever the formula.
        if (!ok && relative < 1e-6 && largestError <= Float32Precision)
        {
            table.AppendLine("  Every difference is at float32's precision (relative 1e-7 or so): somewhere on the way a float32 tensor took part " +
                             "(to_type(ScalarType.Float32), a tensor made without a dtype) or a value was read with ToSingle(). Keep the inputs' dtype.");
        }

        return ok ? null : table.ToString();
    }

    /// <summary>The largest relative error float32 rounding leaves in a short computation (its epsilon is 1.2e-7).</summary>
    public const double Float32Precision = 2e-6;
}
