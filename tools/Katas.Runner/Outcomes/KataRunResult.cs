using System.Text.Json.Serialization;
using Katas.Runner.Protocol;

namespace Katas.Runner.Outcomes;

/// <summary>Result of compiling and testing one kata against one implementation.</summary>
/// <param name="Kata">The kata folder name.</param>
/// <param name="Built">Whether the kata compiled (with every member the tests use).</param>
/// <param name="Diagnostics">The compiler's errors and warnings.</param>
/// <param name="Outcomes">Every test's outcome, tasks in order; empty when it did not build.</param>
/// <param name="Elapsed">How long it took.</param>
public sealed record KataRunResult(string Kata, bool Built, IReadOnlyList<CompilerMessage> Diagnostics, IReadOnlyList<TestOutcome> Outcomes, TimeSpan Elapsed)
{
    /// <summary>How many tests failed (crashed and not run included).</summary>
    [JsonIgnore]
    public int Failed => Outcomes.Count(outcome => !outcome.Passed);

    /// <summary>How many tests passed.</summary>
    [JsonIgnore]
    public int Passed => Outcomes.Count(outcome => outcome.Passed);

    /// <summary>Why the run stopped short, when it did (e.g. the test process crashed while loading the tests), or "".</summary>
    public string Problem { get; init; } = "";

    /// <summary>Whether the run was stopped before its end (Ctrl+C); the tests it did not reach are not run, not failed.</summary>
    public bool Stopped { get; init; }

    /// <summary>The tests the run was about, as the worker found them (every one of them has an outcome unless the run was discover-only).</summary>
    public IReadOnlyList<TestCase> Discovered { get; init; } = [];
}
