namespace Katas.Runner.Protocol;

/// <summary>One line of a worker's report. Which fields are set depends on <see cref="Kind"/>.</summary>
public sealed record WorkerEvent(WorkerEventKind Kind)
{
    /// <summary>Compiled: whether the kata compiled and has every member the tests use.</summary>
    public bool Succeeded { get; init; }

    /// <summary>Compiled: the compiler's errors and warnings, and members the tests use that the kata lacks.</summary>
    public IReadOnlyList<CompilerMessage>? Diagnostics { get; init; }

    /// <summary>Discovered: every test of the kata.</summary>
    public IReadOnlyList<TestCase>? Tests { get; init; }

    /// <summary>Started, Exiting: the test's full name.</summary>
    public string? Test { get; init; }

    /// <summary>Finished: how the test ended.</summary>
    public TestResult? Outcome { get; init; }

    /// <summary>Poisoned, Done: in words, why or how it ended.</summary>
    public string? Reason { get; init; }

    /// <summary>Compiled, Discovered, Done: how long the step took.</summary>
    public double Seconds { get; init; }
}
