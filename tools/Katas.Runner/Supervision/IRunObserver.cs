using Katas.Runner.Outcomes;
using Katas.Runner.Protocol;

namespace Katas.Runner.Supervision;

/// <summary>Told what happens during a run, as it happens: the board streams from here.</summary>
public interface IRunObserver
{
    /// <summary>The kata was compiled (once per run, from the first worker).</summary>
    void Compiled(bool succeeded, IReadOnlyList<CompilerMessage> diagnostics, double seconds);

    /// <summary>The kata's tests were found (once per run).</summary>
    void Discovered(IReadOnlyList<TestCase> tests);

    /// <summary>A test started.</summary>
    void Started(TestCase test);

    /// <summary>A test has its outcome (also a crashed or not-run one).</summary>
    void Finished(TestOutcome outcome);

    /// <summary>The worker was replaced by a fresh one, for the reason given.</summary>
    void Replaced(string reason);

    /// <summary>
    /// The run was stopped (Ctrl+C): the tests without an outcome get a not-run one next. Observers that only collect
    /// outcomes need nothing here; the board stops showing rows, since those tests did not fail.
    /// </summary>
    void Stopped()
    {
    }
}
