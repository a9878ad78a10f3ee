using Katas.Testing.Coaching;
using NUnit.Framework;
using TorchSharp;

namespace Katas.Testing;

/// <summary>
/// Fails a test whose learner code leaves more live tensors behind the more iterations it runs, or leaves tensors of its own
/// to the garbage collector when it returns none.
/// </summary>
public static class LeakCheck
{
    /// <summary>
    /// Runs <paramref name="run"/> with 5 and then with 45 iterations on the learner's thread and fails,
    /// with the coach's explanation, if the live tensor count grows with the iterations.
    /// </summary>
    /// <param name="run">Runs the learner's loop for the given number of iterations.</param>
    /// <param name="what">The learner's method, for messages.</param>
    public static void AssertNoLeak(Action<int> run, string what)
    {
        (long afterShort, long afterLong) = LearnerCode.Run(() =>
        {
            long before = LiveTensors();
            run(5);
            long shortRun = LiveTensors() - before;
            run(45);
            return (shortRun, LiveTensors() - before);
        }, what);
        Diagnosis? leak = Coach.ExamineLiveTensors(afterShort, afterLong, extraIterations: 40);
        Assert.That(leak, Is.Null, leak?.Message);
    }

    /// <summary>
    /// Runs <paramref name="run"/> once on the learner's thread and fails if tensors it created are still alive when it
    /// returns, before any garbage collection: for a method whose result holds no tensor. A tensor created without
    /// <c>using</c> (or a DisposeScope) holds its native memory until the collector finalizes it, which the per-iteration
    /// check above cannot see, since it collects first.
    /// </summary>
    /// <param name="run">Calls the learner's method once.</param>
    /// <param name="what">The learner's method, for messages.</param>
    public static void AssertLeavesNoTensors(Action run, string what)
    {
        long left = LearnerCode.Run(() =>
        {
            long before = LiveTensors();
            run();
            // No collection here: a tensor waiting for its finalizer is exactly what this check looks for.
            return DisposeScopeManager.Statistics.ThreadTotalLiveCount - before;
        }, what);
        Assert.That(left, Is.LessThanOrEqualTo(0),
            $"After {what} returned, {left} tensor(s) it created were still alive, although its result holds none. A tensor made " +
            "without `using` keeps its native memory until the garbage collector gets to it (late, or at the end of the process): " +
            "declare the ones that live for the whole call with `using Tensor t = ...;`, and give each iteration a DisposeScope.");
    }

    /// <summary>Tensors alive on this thread, after the garbage collector has run finalizers.</summary>
    private static long LiveTensors()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return DisposeScopeManager.Statistics.ThreadTotalLiveCount;
    }
}
