namespace Katas.Runner.Protocol;

/// <summary>How one test ended in a worker.</summary>
/// <param name="FullName">The test's full name.</param>
/// <param name="Passed">Whether it passed.</param>
/// <param name="Message">The failure message, or "".</param>
/// <param name="StackTrace">Where it failed, or "".</param>
/// <param name="Seconds">How long it ran.</param>
/// <param name="StoppedAt">Where a call into learner code was stopped at its time limit during the test ("Type.Method (File.cs, line N)"), or null.</param>
public sealed record TestResult(string FullName, bool Passed, string Message, string StackTrace, double Seconds, string? StoppedAt = null);
