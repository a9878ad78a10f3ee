using System.Text.RegularExpressions;

namespace Katas.Runner.Outcomes;

/// <summary>
/// Tells the kinds of failure apart by the messages the kata tests give them: tests/Katas.Testing writes these words
/// (LearnerCode's time limit, SnapshotAssert's figure comparison, the stubs' "not implemented yet").
/// </summary>
public static partial class FailureKinds
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
    public static TestOutcome? MostTelling(IEnumerable<TestOutcome> outcomes)
    {
        List<TestOutcome> failures = Failures(outcomes);
        return TellingOrder(failures).Select(i => failures[i]).FirstOrDefault();
    }

    /// <summary>
    /// How many different causes the failures of <paramref name="outcomes"/> have: failures whose messages start with the
    /// same line (numbers aside) count once, so seven tests of one unwritten method are one cause, and so do the failing cases
    /// of one test method, whose messages differ by the settings they name (one ignored flag fails every case that sets it).
    /// Tests that did not run are left out: their cause is another test's failure (a crash, a call that never ended).
    /// </summary>
    public static int DistinctCauses(IEnumerable<TestOutcome> outcomes) =>
        Causes([.. Failures(outcomes).Where(outcome => outcome.Failure != FailureKind.NotRun)]).Distinct().Count();

    /// <summary>
    /// The failing tests of <paramref name="outcomes"/> that fail for other causes than <paramref name="shown"/> (causes as
    /// <see cref="DistinctCauses"/> counts them): the most telling of each, in the order <see cref="MostTelling"/> picks. Left
    /// out: tests that did not run (no cause of their own).
    /// </summary>
    public static IReadOnlyList<TestOutcome> OtherCauses(IEnumerable<TestOutcome> outcomes, TestOutcome shown)
    {
        List<TestOutcome> failures = Failures(outcomes);
        int[] cause = Causes(failures);
        int shownAt = failures.FindIndex(failure => failure.FullName == shown.FullName);
        int shownCause = shownAt >= 0 ? cause[shownAt] : -1;
        return TellingOrder(failures)
            .Where(i => failures[i].Failure != FailureKind.NotRun && cause[i] != shownCause)
            .DistinctBy(i => cause[i]).Select(i => failures[i]).ToList();
    }

    /// <summary>
    /// The method an unwritten stub names in its "not implemented yet" ("Kata 04, task 3 (Rolling.Run) is not implemented
    /// yet: ..." names Rolling.Run); null for any other outcome.
    /// </summary>
    public static string? UnwrittenMethod(TestOutcome outcome) =>
        outcome.Failure == FailureKind.NotImplemented && UnwrittenStub().Match(outcome.Message) is { Success: true } stub ? stub.Groups[1].Value : null;

    /// <summary>
    /// The methods still to write that the failures of <paramref name="outcomes"/> name, in run order, when every failure that
    /// ran is an unwritten stub; null when a test failed for another reason (or nothing failed).
    /// </summary>
    public static IReadOnlyList<string>? OnlyUnwritten(IEnumerable<TestOutcome> outcomes)
    {
        List<TestOutcome> failed = Failures(outcomes).Where(outcome => outcome.Failure != FailureKind.NotRun).ToList();
        List<string?> methods = failed.Select(UnwrittenMethod).ToList();
        return failed.Count > 0 && methods.All(method => method is not null) ? methods.OfType<string>().Distinct(StringComparer.Ordinal).ToList() : null;
    }

    [GeneratedRegex(@"\(([^()\n]+)\) is not implemented yet")]
    private static partial Regex UnwrittenStub();

    private static List<TestOutcome> Failures(IEnumerable<TestOutcome> outcomes) => outcomes.Where(outcome => !outcome.Passed).ToList();

    /// <summary>The indices of <paramref name="failures"/>, most telling kind first, then in run order.</summary>
    private static IEnumerable<int> TellingOrder(List<TestOutcome> failures) =>
        Enumerable.Range(0, failures.Count).OrderBy(i => failures[i].Failure).ThenBy(i => i);

    /// <summary>
    /// Each failure's cause, as the index of one failure of it: failures joined by a shared gist or a shared method are one
    /// cause (union-find over both keys).
    /// </summary>
    private static int[] Causes(List<TestOutcome> failures)
    {
        int[] parent = [.. Enumerable.Range(0, failures.Count)];
        int Root(int i) => parent[i] == i ? i : parent[i] = Root(parent[i]);
        var firstByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < failures.Count; i++)
        {
            foreach (string key in new[] { "gist:" + Gist(failures[i].Message), "method:" + Method(failures[i]) })
            {
                if (firstByKey.TryGetValue(key, out int other))
                {
                    parent[Root(i)] = Root(other);
                }
                else
                {
                    firstByKey[key] = i;
                }
            }
        }

        return [.. Enumerable.Range(0, failures.Count).Select(Root)];
    }

    /// <summary>A test's method: as the worker discovered it, or else its name without the arguments of its case.</summary>
    private static string Method(TestOutcome outcome) => outcome.Method.Length > 0 ? outcome.ClassName + "." + outcome.Method : outcome.Name.Split('(')[0];

    private static string Gist(string message)
    {
        string first = message.Split('\n')[0];
        // "not implemented yet" of one method, or one snapshot, is one cause whatever the test.
        int colon = first.IndexOf(" is not implemented yet", StringComparison.Ordinal);
        return new string((colon > 0 ? first[..colon] : first).Select(c => char.IsAsciiDigit(c) ? '#' : c).ToArray());
    }
}
