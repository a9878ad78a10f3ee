namespace Katas.Spread;

/// <summary>The vectors at one recorded moment of a run, and the smallest angle between any two of them.</summary>
/// <param name="Iteration">How many steps had been taken (0 = the start).</param>
/// <param name="Vectors">N vectors of D coordinates.</param>
/// <param name="MinimumAngle">The smallest angle between two different vectors, in radians.</param>
public sealed record SpreadStep(int Iteration, double[][] Vectors, double MinimumAngle)
{
    /// <summary>The smallest angle in degrees.</summary>
    public double MinimumAngleDegrees => MinimumAngle * 180 / Math.PI;
}

/// <summary>What a spreading run did: the recorded steps, in order, the first being the start and the last the end.</summary>
/// <param name="Steps">The recorded steps.</param>
public sealed record SpreadRun(IReadOnlyList<SpreadStep> Steps)
{
    /// <summary>Where the run ended.</summary>
    public SpreadStep Final => Steps.Count > 0 ? Steps[^1] : throw new InvalidOperationException("The run recorded no steps.");
}
