using NUnit.Framework;

namespace Katas.Testing;

/// <summary>
/// Base class of every kata test fixture: one CPU thread and a fixed seed before each test, so runs
/// are repeatable; tests in a fixture never run in parallel (TorchSharp's RNG and thread count are global).
/// Each test's start and end also go to the run's progress file (<see cref="TestProgress"/>), so the katas
/// tool can show progress and name the test that was running if learner code takes the process down.
/// </summary>
[NonParallelizable]
public abstract class KataTest
{
    /// <summary>Fixes the thread count and seeds the generator.</summary>
    [SetUp]
    public void FixThreadsAndSeed()
    {
        TestProgress.Started(TestContext.CurrentContext.Test.FullName);
        TorchRuntime.Initialise(threads: 1, seed: TorchRuntime.DefaultSeed);
    }

    /// <summary>Records the test's outcome in the progress file.</summary>
    [TearDown]
    public void RecordOutcome() =>
        TestProgress.Finished(TestContext.CurrentContext.Test.FullName, TestContext.CurrentContext.Result.Outcome.Status.ToString());
}
