using System.Collections.Concurrent;
using Katas.Cli.Mutants;
using Katas.Cli.Running;
using Katas.Runner.Supervision;
using Katas.Testing;
using Katas.Worker.Compiling;

namespace Katas.Runner.Tests;

/// <summary>
/// Copies of a kata's reference solution (kata 01's unless told) in a scratch folder, as they are or broken as a learner
/// might leave them.
/// </summary>
/// <param name="kata">The kata whose reference solution is copied.</param>
internal sealed class KataCopies(string kata = KataCopies.Kata) : IDisposable
{
    public const string Kata = "01-linreg";

    private readonly string _root = Directory.CreateTempSubdirectory("katas-runner-tests-").FullName;
    private int _count;

    private static readonly ConcurrentDictionary<string, Lazy<ReferenceTests>> Builds = new(StringComparer.Ordinal);

    /// <summary>
    /// <paramref name="kata"/>'s tests as the worker loads them (bin/worker-solutions/), built here as check builds them,
    /// once per test run, and only when missing or stale.
    /// </summary>
    public static ReferenceTests WorkerTests(string kata) => Builds.GetOrAdd(kata, name => new Lazy<ReferenceTests>(() =>
    {
        ReferenceTests tests = ReferenceTests.Of(name);
        if (!tests.IsCurrent() && tests.Build() is { } errors)
        {
            throw new InvalidOperationException($"kata {name}'s tests do not build for the worker:\n{errors}");
        }

        return tests;
    }, LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>Kata 01's tests as the worker loads them, built first when missing or stale.</summary>
    public static ReferenceTests ReferenceTests => WorkerTests(Kata);

    private static readonly Lazy<KataCompiler> WorkerCompiler = new(() =>
        new KataCompiler(ReferenceTests.KataAssemblyName, CompileReferences.For(ReferenceTests.Assembly)), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The worker's in-memory compiler for kata 01's code, as the worker makes it.</summary>
    public static KataCompiler Compiler => WorkerCompiler.Value;

    /// <summary>How the runner starts a worker for kata 01's tests.</summary>
    public static WorkerStart WorkerStart => WorkerStartFor(Kata);

    /// <summary>How the runner starts a worker for <paramref name="kata"/>'s tests (built first when missing or stale).</summary>
    public static WorkerStart WorkerStartFor(string kata)
    {
        ReferenceTests tests = WorkerTests(kata);
        return new(KataWorkers.WorkerAssembly, tests.Assembly, tests.KataAssemblyName, kata);
    }

    /// <summary>The reference solution's folder of the kata these copies are of.</summary>
    private string Solution => Path.Combine(KataEnvironment.RepoRoot, "solutions", kata);

    /// <summary>A fresh copy of the reference solution.</summary>
    public string Reference() => Broken(null);

    /// <summary>A copy broken by .ci/broken-katas/NAME.mutant (kata 01's), or with <paramref name="edit"/> applied to one file.</summary>
    public string Broken(string? brokenKata, (string File, string Find, string Replace)? edit = null)
    {
        string target = Path.Combine(_root, $"copy{Interlocked.Increment(ref _count)}", kata);
        if (brokenKata is null)
        {
            Cli.KataCopy.Copy(Solution, target);
        }
        else
        {
            Mutant.Load(Path.Combine(KataEnvironment.RepoRoot, ".ci", "broken-katas", brokenKata + ".mutant")).Apply(Solution, target);
        }

        if (edit is { } change)
        {
            string path = Path.Combine(target, change.File);
            string text = File.ReadAllText(path);
            if (!text.Contains(change.Find, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{change.File} has no \"{change.Find}\" to replace: update the test to the reference solution.");
            }

            File.WriteAllText(path, text.Replace(change.Find, change.Replace, StringComparison.Ordinal));
        }

        return target;
    }

    /// <summary>A fresh copy of the reference solution with one more file, Extra.cs, a static class holding <paramref name="members"/>.</summary>
    public string WithExtraFile(string members)
    {
        string folder = Reference();
        File.WriteAllText(Path.Combine(folder, "Extra.cs"), $$"""
            using TorchSharp;
            using static TorchSharp.torch;

            namespace Katas.Linreg;

            public static class Extra
            {
                {{members}}
            }

            """);
        return folder;
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
