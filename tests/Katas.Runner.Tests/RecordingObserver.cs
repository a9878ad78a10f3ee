using Katas.Runner.Outcomes;
using Katas.Runner.Protocol;
using Katas.Runner.Supervision;

namespace Katas.Runner.Tests;

/// <summary>Keeps every event of a run, in order, for the tests to read.</summary>
internal sealed class RecordingObserver : IRunObserver
{
    public List<string> Events { get; } = [];

    public List<CompilerMessage> Diagnostics { get; } = [];

    public List<TestCase> Tests { get; } = [];

    public List<TestCase> StartedTests { get; } = [];

    public List<TestOutcome> Outcomes { get; } = [];

    public List<string> Replacements { get; } = [];

    /// <summary>Called after each outcome is recorded (a test can stop the run from here).</summary>
    public Action<TestOutcome>? OnFinished { get; init; }

    public void Compiled(bool succeeded, IReadOnlyList<CompilerMessage> diagnostics, double seconds)
    {
        Events.Add($"compiled {succeeded}");
        Diagnostics.AddRange(diagnostics);
    }

    public void Discovered(IReadOnlyList<TestCase> tests)
    {
        Events.Add($"discovered {tests.Count}");
        Tests.AddRange(tests);
    }

    public void Started(TestCase test)
    {
        Events.Add("started " + test.FullName);
        StartedTests.Add(test);
    }

    public void Finished(TestOutcome outcome)
    {
        Events.Add("finished " + outcome.FullName);
        Outcomes.Add(outcome);
        OnFinished?.Invoke(outcome);
    }

    public void Replaced(string reason)
    {
        Events.Add("replaced");
        Replacements.Add(reason);
    }

    public void Stopped() => Events.Add("stopped");
}
