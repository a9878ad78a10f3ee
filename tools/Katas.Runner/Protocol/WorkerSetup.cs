namespace Katas.Runner.Protocol;

/// <summary>What a worker is for, sent as the second line of its standard input (after its key).</summary>
/// <param name="TestAssembly">The kata's test assembly, built against the reference solutions (or the kata's API alone).</param>
/// <param name="KataAssemblyName">The kata assembly's name (e.g. Katas.Linreg): learner code is compiled under it.</param>
/// <param name="Kata">The kata folder name, e.g. 01-linreg.</param>
public sealed record WorkerSetup(string TestAssembly, string KataAssemblyName, string Kata);
