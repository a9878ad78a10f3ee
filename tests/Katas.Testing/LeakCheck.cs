using Katas.Testing.Coaching;
using NUnit.Framework;
using TorchSharp;

namespace Katas.Testing;

/// <summary>Fails a test whose learner code leaves more live tensors behind the more iterations it runs.</summary>
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

    /// <summary>Tensors alive on this thread, after the garbage collector has run finalizers.</summary>
    private static long LiveTensors()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return DisposeScopeManager.Statistics.ThreadTotalLiveCount;
    }
}
