using System.Collections;

namespace Katas;

/// <summary>One iteration of a gradient-descent run: the line it started from and that line's loss.</summary>
/// <param name="Iteration">0 for the first step.</param>
/// <param name="Slope">The slope before the step.</param>
/// <param name="Intercept">The intercept before the step.</param>
/// <param name="Loss">The loss of (Slope, Intercept), i.e. before the step.</param>
public readonly record struct TrajectoryStep(int Iteration, double Slope, double Intercept, double Loss)
{
    /// <summary>The line at this iteration.</summary>
    public Line Line => new(Slope, Intercept);
}

/// <summary>What a gradient-descent run did, one entry per iteration, in order.</summary>
public sealed class Trajectory : IReadOnlyList<TrajectoryStep>
{
    private readonly List<TrajectoryStep> _steps = [];

    /// <summary>An empty trajectory; add one entry per iteration with <see cref="Add"/>.</summary>
    public Trajectory()
    {
    }

    /// <summary>A trajectory holding <paramref name="steps"/>.</summary>
    public Trajectory(IEnumerable<TrajectoryStep> steps) => _steps.AddRange(steps);

    /// <summary>Records the next iteration: the parameters before the step and their loss.</summary>
    public void Add(double slope, double intercept, double loss) =>
        _steps.Add(new TrajectoryStep(_steps.Count, slope, intercept, loss));

    /// <summary>The losses, one per iteration.</summary>
    public IReadOnlyList<double> Losses => _steps.ConvertAll(step => step.Loss);

    /// <summary>The last recorded step.</summary>
    public TrajectoryStep Last => _steps.Count > 0 ? _steps[^1] : throw new InvalidOperationException("The trajectory is empty.");

    /// <inheritdoc />
    public int Count => _steps.Count;

    /// <inheritdoc />
    public TrajectoryStep this[int index] => _steps[index];

    /// <inheritdoc />
    public IEnumerator<TrajectoryStep> GetEnumerator() => _steps.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
