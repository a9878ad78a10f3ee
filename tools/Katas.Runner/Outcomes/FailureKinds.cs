namespace Katas.Runner.Outcomes;

/// <summary>
/// Tells the kinds of failure apart by the messages the kata tests give them: tests/Katas.Testing writes these words
/// (LearnerCode's time limit, SnapshotAssert's figure comparison, the stubs' "not implemented yet").
/// </summary>
public static class FailureKinds
{
    /// <summary>The start of every figure-snapshot failure (tests/Katas.Testing/SnapshotAssert.cs).</summary>
    public static IReadOnlyList<string> SnapshotStarts { get; } = ["The plot data for", "There is no verified snapshot"];

    /// <summary>The kind of <paramref name="outcome"/>'s failure.</summary>
    public static FailureKind Of(TestOutcome outcome) => outcome.Kind switch
    {
        OutcomeKind.Passed => FailureKind.None,
        OutcomeKind.Crashed => FailureKind.Crash,
        OutcomeKind.NotRun => FailureKind.NotRun,
        _ => Classify(outcome.Message),
    };

    /// <summary>The kind of failure a failed test's message tells.</summary>
    public static FailureKind Classify(string message)
    {
        if (message.Contains("did not finish within", StringComparison.Ordinal))
        {
            return FailureKind.TimeLimit;
        }

        if (message.Contains("is still running", StringComparison.Ordinal) && message.Contains("An earlier call into your code", StringComparison.Ordinal))
        {
            return FailureKind.BlockedByEarlierCall;
        }

        if (SnapshotStarts.Any(start => message.StartsWith(start, StringComparison.Ordinal)))
        {
            return FailureKind.FigureSnapshot;
        }

        return message.Contains("is not implemented yet", StringComparison.Ordinal) ? FailureKind.NotImplemented : FailureKind.Specific;
    }

    /// <summary>The failure to show first among <paramref name="outcomes"/>: the most telling kind, then the first in run order.</summary>
    public static TestOutcome? MostTelling(IEnumerable<TestOutcome> outcomes) =>
        outcomes.Where(outcome => !outcome.Passed).Select((outcome, index) => (outcome, index))
            .OrderBy(pair => pair.outcome.Failure).ThenBy(pair => pair.index).Select(pair => pair.outcome).FirstOrDefault();

    /// <summary>
    /// How many different causes the failures of <paramref name="outcomes"/> have: failures whose messages start with the
    /// same line (numbers aside) count once, so seven tests of one unwritten method are one cause.
    /// </summary>
    public static int DistinctCauses(IEnumerable<TestOutcome> outcomes) =>
        outcomes.Where(outcome => !outcome.Passed).Select(outcome => Gist(outcome.Message)).Distinct(StringComparer.Ordinal).Count();

    /// <summary>
    /// The failing tests of <paramref name="outcomes"/> that fail for other causes than <paramref name="shown"/>: the most
    /// telling of each cause, in the order <see cref="MostTelling"/> picks. Left out: tests that did not run (no cause of
    /// their own), figure snapshots (they never say why) and other cases of the shown test's own method.
    /// </summary>
    public static IReadOnlyList<TestOutcome> OtherCauses(IEnumerable<TestOutcome> outcomes, TestOutcome shown) =>
        outcomes.Where(outcome => !outcome.Passed).Select((outcome, index) => (outcome, index))
            .Where(pair => pair.outcome.Failure is not (FailureKind.NotRun or FailureKind.FigureSnapshot))
            .OrderBy(pair => pair.outcome.Failure).ThenBy(pair => pair.index).Select(pair => pair.outcome)
            .Where(outcome => Gist(outcome.Message) != Gist(shown.Message) && Method(outcome.Name) != Method(shown.Name))
            .GroupBy(outcome => Gist(outcome.Message), StringComparer.Ordinal).Select(cause => cause.First()).ToList();

    /// <summary>A test's method: its name without the arguments of its case.</summary>
    private static string Method(string name) => name.Split('(')[0];

    private static string Gist(string message)
    {
        string first = message.Split('\n')[0];
        // "not implemented yet" of one method, or one snapshot, is one cause whatever the test.
        int colon = first.IndexOf(" is not implemented yet", StringComparison.Ordinal);
        return new string((colon > 0 ? first[..colon] : first).Select(c => char.IsAsciiDigit(c) ? '#' : c).ToArray());
    }
}
