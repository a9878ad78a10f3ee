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

/// <summary>
/// What a gradient-descent run did. Two conventions, both explicit:
/// each entry (<see cref="TrajectoryStep"/>) holds the parameters an iteration STARTED from and their loss
/// (so <see cref="Last"/> is the line before the last update), and <see cref="Final"/> is the line AFTER the
/// last update, where the run ended (its loss was never computed by the run). The article reports
/// <see cref="Final"/> with <see cref="Last"/>'s loss: the parameters after the last update and the loss before it.
/// </summary>
public sealed class Trajectory : IReadOnlyList<TrajectoryStep>
{
    private readonly List<TrajectoryStep> _steps = [];
    private Line? _final;

    /// <summary>An empty trajectory; add one entry per iteration with <see cref="Add"/>, then <see cref="Finish"/>.</summary>
    public Trajectory()
    {
    }

    /// <summary>A trajectory holding <paramref name="steps"/>, and <paramref name="final"/> when the run's end is known.</summary>
    public Trajectory(IEnumerable<TrajectoryStep> steps, Line? final = null)
    {
        _steps.AddRange(steps);
        _final = final;
    }

    /// <summary>Records the next iteration: the parameters before the step and their loss.</summary>
    public void Add(double slope, double intercept, double loss) =>
        _steps.Add(new TrajectoryStep(_steps.Count, slope, intercept, loss));

    /// <summary>
    /// Records where the run ended: the parameters after its last update (the start, for a run of no
    /// iterations). Call it once, after the loop.
    /// </summary>
    public void Finish(double slope, double intercept) => _final = new Line(slope, intercept);

    /// <summary>Whether the run recorded where it ended (<see cref="Finish"/>).</summary>
    public bool IsFinished => _final.HasValue;

    /// <summary>The line after the last update, recorded by <see cref="Finish"/>.</summary>
    /// <exception cref="InvalidOperationException">The run did not call <see cref="Finish"/>.</exception>
    public Line Final => _final ?? throw new InvalidOperationException(
        "The run did not record where it ended: after the loop, call trajectory.Finish(slope, intercept) with the parameters " +
        "after the last update (each entry holds the parameters an iteration started from).");

    /// <summary>The losses, one per iteration.</summary>
    public IReadOnlyList<double> Losses => _steps.ConvertAll(step => step.Loss);

    /// <summary>The last recorded iteration: the line it started from (before the last update) and that line's loss.</summary>
    public TrajectoryStep Last => _steps.Count > 0 ? _steps[^1] : throw new InvalidOperationException("The trajectory is empty.");

    /// <inheritdoc />
    public int Count => _steps.Count;

    /// <inheritdoc />
    public TrajectoryStep this[int index] => _steps[index];

    /// <inheritdoc />
    public IEnumerator<TrajectoryStep> GetEnumerator() => _steps.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
