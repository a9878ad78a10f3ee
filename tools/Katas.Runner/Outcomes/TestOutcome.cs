using System.Text.Json.Serialization;

namespace Katas.Runner.Outcomes;

/// <summary>One test's outcome.</summary>
/// <param name="FullName">The test's full name (class, method, arguments).</param>
/// <param name="ClassName">The test class's full name.</param>
/// <param name="Name">The test's name (with its arguments, for test cases).</param>
/// <param name="Task">The kata task from the test's [KataTask(n)], or 0 when it has none.</param>
/// <param name="Kind">How it ended.</param>
/// <param name="Message">The failure message, or "".</param>
public sealed record TestOutcome(string FullName, string ClassName, string Name, int Task, OutcomeKind Kind, string Message)
{
    /// <summary>The outcome of <paramref name="test"/>: its names, task and method, how it ended and its message.</summary>
    public static TestOutcome Of(Protocol.TestCase test, OutcomeKind kind, string message) =>
        new(test.FullName, test.ClassName, test.Name, test.Task, kind, message) { Method = test.Method };

    /// <summary>Whether it passed.</summary>
    [JsonIgnore]
    public bool Passed => Kind == OutcomeKind.Passed;

    /// <summary>Whether it took the test process down.</summary>
    [JsonIgnore]
    public bool Crashed => Kind == OutcomeKind.Crashed;

    /// <summary>The test method's name (<see cref="Protocol.TestCase.Method"/>), or "" when not known.</summary>
    public string Method { get; init; } = "";

    /// <summary>How long it ran, in seconds.</summary>
    public double Seconds { get; init; }

    /// <summary>The worker process it ran in, when it ran to its end (two workers share a run's long tests).</summary>
    [JsonIgnore]
    public int? WorkerProcessId { get; init; }

    /// <summary>Where it failed (a stack trace), or "".</summary>
    public string StackTrace { get; init; } = "";

    /// <summary>What kind of failure this is, to show the most telling one first.</summary>
    [JsonIgnore]
    public FailureKind Failure => FailureKinds.Of(this);
}
