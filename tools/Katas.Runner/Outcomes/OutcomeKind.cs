namespace Katas.Runner.Outcomes;

/// <summary>How a test ended, as the learner's board tells it.</summary>
public enum OutcomeKind
{
    /// <summary>It passed.</summary>
    Passed,

    /// <summary>It failed: an assertion, an exception in learner code, a call past its time limit.</summary>
    Failed,

    /// <summary>It took the test process down (a native abort, a stack overflow, Environment.Exit) or stopped answering.</summary>
    Crashed,

    /// <summary>It did not run: an earlier crash, or the run was stopped.</summary>
    NotRun,
}
