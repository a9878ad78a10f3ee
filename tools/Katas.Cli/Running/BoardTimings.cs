using System.Diagnostics;
using System.Globalization;

namespace Katas.Cli.Running;

/// <summary>
/// Where the time of one run went, from the learner's save to the board (`watch --timings`, read by `bench loop`):
/// noticing the save, compiling, loading the tests, the saved file's task, the whole kata.
/// </summary>
/// <param name="saved">When the saved file was written (its time stamp), or null for a run no save started.</param>
/// <param name="firstTasks">The tasks of the saved file, whose row is the one the learner waits for.</param>
internal sealed class BoardTimings(DateTime? saved, IReadOnlyList<int> firstTasks)
{
    private readonly DateTime _started = DateTime.UtcNow;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private double _compile;
    private double? _loaded;
    private double? _firstRow;
    private double? _count;

    public void Compiled(double seconds) => _compile = seconds;

    public void Discovered() => _loaded ??= _clock.Elapsed.TotalSeconds;

    public void RowShown(int task)
    {
        if (_firstRow is null && (firstTasks.Count == 0 || firstTasks.Contains(task)))
        {
            _firstRow = _clock.Elapsed.TotalSeconds;
        }
    }

    public void CountShown() => _count ??= _clock.Elapsed.TotalSeconds;

    /// <summary>The line the board prints: times after the save where the save is known, else after the run started.</summary>
    public string Line()
    {
        double noticed = saved is { } at ? Math.Max(0, (_started - at).TotalSeconds) : 0;
        // One line that fits the 100 columns of a log: the benchmark reads it whole.
        return string.Create(CultureInfo.InvariantCulture,
            $"timings after the save: noticed {noticed:0.00} s, compiled in {_compile:0.00} s, loaded {noticed + (_loaded ?? 0):0.00} s, " +
            $"row {noticed + (_firstRow ?? 0):0.00} s, all {noticed + (_count ?? _clock.Elapsed.TotalSeconds):0.00} s");
    }
}
