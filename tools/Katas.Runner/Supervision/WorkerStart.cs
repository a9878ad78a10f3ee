namespace Katas.Runner.Supervision;

/// <summary>What a worker process is started with.</summary>
/// <param name="WorkerAssembly">The worker program (katas-worker.dll).</param>
/// <param name="TestAssembly">The kata's tests, built against the reference solutions (or against the kata's API alone).</param>
/// <param name="KataAssemblyName">The kata assembly's name (e.g. Katas.Linreg): the worker compiles the learner's code under it.</param>
/// <param name="Kata">The kata folder name, e.g. 01-linreg.</param>
public sealed record WorkerStart(string WorkerAssembly, string TestAssembly, string KataAssemblyName, string Kata)
{
    /// <summary>Extra environment variables for the worker process.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The working folder of the worker process, or null for the current one.</summary>
    public string? WorkingDirectory { get; init; }
}
