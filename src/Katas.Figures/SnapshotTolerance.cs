namespace Katas.Figures;

/// <summary>
/// How far a number in a figure snapshot may move and still match: <see cref="Relative"/> of its size plus
/// <see cref="Absolute"/>. <see cref="RoundingNoise"/> absorbs float32-vs-float64 and thread-count noise; a figure of
/// trained quantities, which drift further between machines, states a wider tolerance that it measured.
/// </summary>
/// <param name="Relative">The share of the larger of the two numbers that they may differ by.</param>
/// <param name="Absolute">A difference allowed on top, for numbers near zero.</param>
public readonly record struct SnapshotTolerance(double Relative, double Absolute)
{
    /// <summary>Rounding noise only: 2e-4 of a number's size, plus 1e-6 for values near zero (invisible in any plot).</summary>
    public static SnapshotTolerance RoundingNoise { get; } = new(2e-4, 1e-6);

    /// <summary>Whether <paramref name="actual"/> is within this tolerance of <paramref name="expected"/>.</summary>
    public bool Allows(double expected, double actual) =>
        Math.Abs(expected - actual) <= Relative * Math.Max(Math.Abs(expected), Math.Abs(actual)) + Absolute;

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"{Relative:G3} of each number's size plus {Absolute:G3}");
}
