using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Optimizers;

/// <summary>
/// The one-dimensional loss f(x) = x⁴ − 3x² + x: a shallow valley on the right (the local minimum near 1.131, f = −1.070),
/// a hill near 0.170 (f = 0.084), and a deeper valley on the left (the global minimum near −1.301, f = −3.514).
/// Started on the right, plain gradient descent settles in the shallow valley; with momentum it can roll over the hill.
/// </summary>
public static class TwoValleys
{
    /// <summary>The local minimum (the right, shallow valley): a root of f′(x) = 4x³ − 6x + 1.</summary>
    public const double LocalMinimum = 1.1309011226299859;

    /// <summary>The global minimum (the left, deep valley).</summary>
    public const double GlobalMinimum = -1.300839565941577;

    /// <summary>The top of the hill between the valleys (a local maximum).</summary>
    public const double Hill = 0.16993844331159128;

    /// <summary>f(x) for a plain number.</summary>
    public static double Value(double x) => x * x * x * x - 3 * x * x + x;

    /// <summary>f′(x) = 4x³ − 6x + 1.</summary>
    public static double Derivative(double x) => 4 * x * x * x - 6 * x + 1;

    /// <summary>f(x) as a tensor that keeps the autograd graph.</summary>
    public static Tensor Loss(Tensor x) => x.pow(4) - 3 * x.square() + x;
}
