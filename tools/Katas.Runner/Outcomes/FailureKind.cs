namespace Katas.Runner.Outcomes;

/// <summary>Kinds of failure, from the most telling to the least: the board shows a task's most telling failure first.</summary>
public enum FailureKind
{
    /// <summary>The test took the process down.</summary>
    Crash,

    /// <summary>A call into learner code never ended (or far too slow).</summary>
    TimeLimit,

    /// <summary>A specific test's failure: it says what was expected and what came out.</summary>
    Specific,

    /// <summary>A figure's data differs from the reference: true, but it does not say why.</summary>
    FigureSnapshot,

    /// <summary>The test could not run because an earlier call is still running.</summary>
    BlockedByEarlierCall,

    /// <summary>A stub the learner has not written yet.</summary>
    NotImplemented,

    /// <summary>The test did not run.</summary>
    NotRun,

    /// <summary>Not a failure.</summary>
    None,
}
