using Katas.Runner.Outcomes;

namespace Katas.Runner.Supervision;

/// <summary>
/// The crashes and hangs of one run, and what they mean for the rest of it: where calls never ended (so a fresh worker
/// stops a call there early), which tasks go last, and which tasks stop: a task whose test hung, or whose tests crashed
/// <see cref="WarmRunner.MaxCrashesPerTask"/> times, would only hang or crash again, one worker and one wait per test.
/// </summary>
internal sealed class RunTrouble
{
    private readonly List<int> _tasks = [];
    private readonly List<string> _hangs = [];
    private readonly Dictionary<int, string> _hungTests = [];

    /// <summary>The tasks a crash or hang happened in, in the order they happened.</summary>
    public IReadOnlyList<int> Tasks => _tasks;

    /// <summary>Where calls into learner code ran past their time limit.</summary>
    public IReadOnlyList<string> Hangs => _hangs;

    /// <summary>How many workers the run lost to crashes.</summary>
    public int Crashes { get; private set; }

    public void Crashed() => Crashes++;

    /// <summary>Counts <paramref name="other"/>'s crashes and hangs (the long-test lane's) as this run's own.</summary>
    public void Absorb(RunTrouble other)
    {
        Crashes += other.Crashes;
        foreach (int task in other._tasks)
        {
            Note(task);
        }

        foreach (string hang in other._hangs.Where(hang => !_hangs.Contains(hang)))
        {
            _hangs.Add(hang);
        }

        foreach ((int task, string test) in other._hungTests)
        {
            _hungTests.TryAdd(task, test);
        }
    }

    public void Hung(TestOutcome test, string? where)
    {
        Note(test.Task);
        _hungTests.TryAdd(test.Task, $"{test.Name} ran past its time limit" + (where is null ? "" : $" in {where}"));
        if (where is not null && !_hangs.Contains(where))
        {
            _hangs.Add(where);
        }
    }

    /// <summary>The tasks whose other tests should not run, each with the reason its tests get.</summary>
    public IEnumerable<(int Task, string Why)> TasksToStop(RunRecord record)
    {
        foreach (int task in record.Tasks.Where(task => record.CrashesIn(task) > 0))
        {
            Note(task);
        }

        foreach ((int task, string test) in _hungTests)
        {
            yield return (task, $"Not run: {test}. Its task's other tests most likely call the same code: fix that first, then they run again.");
        }

        foreach (int task in record.Tasks.Where(task => record.CrashesIn(task) >= WarmRunner.MaxCrashesPerTask))
        {
            yield return (task, $"Not run: {WarmRunner.MaxCrashesPerTask} tests of task {task} crashed the test process. Fix that crash first; then this task's other tests run again.");
        }
    }

    private void Note(int task)
    {
        if (!_tasks.Contains(task))
        {
            _tasks.Add(task);
        }
    }
}
