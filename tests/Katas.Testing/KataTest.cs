using NUnit.Framework;

namespace Katas.Testing;

/// <summary>
/// Base class of every kata test fixture: one CPU thread and a fixed seed before each test, so runs
/// are repeatable; tests in a fixture never run in parallel (TorchSharp's RNG and thread count are global).
/// </summary>
[NonParallelizable]
public abstract class KataTest
{
    /// <summary>Fixes the thread count and seeds the generator.</summary>
    [SetUp]
    public void FixThreadsAndSeed() => TorchRuntime.Initialise(threads: 1, seed: TorchRuntime.DefaultSeed);
}
