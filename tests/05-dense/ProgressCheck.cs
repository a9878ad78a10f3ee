namespace Katas.Dense.Tests;

/// <summary>
/// Checks that a Fit hands every epoch's result to its progress callback, in order, as the history records it: the command line
/// prints a run's progress through it (kits/05-dense passes it on), so a Fit that never calls it trains in silence.
/// </summary>
internal static class ProgressCheck
{
    public static void AssertEveryEpochReported(TrainingHistory history, IReadOnlyList<EpochResult> reported, string what)
    {
        Assert.That(history, Is.Not.Null, $"{what} returned null: return the TrainingHistory you recorded.");
        Assert.That(reported, Is.EqualTo(history.ToList()),
            $"Expected: {what}(epochs: 3, progress: ...) calls progress after each epoch with that epoch's result, the one it adds to the history " +
            $"(epochs {string.Join(", ", history.Select(epoch => epoch.Epoch))}). Got: {reported.Count} call(s)" +
            (reported.Count == 0 ? ": progress is never called. After history.Add(...), call progress?.Invoke(history.Last)." : $", for epochs {string.Join(", ", reported.Select(epoch => epoch.Epoch))}."));
    }
}
