using Katas.Runner.Outcomes;
using Katas.Runner.Protocol;
using Katas.Runner.Supervision;

namespace Katas.Cli.Running;

/// <summary>Watches a run without showing it: for commands that print one line per kata or mutant, not a board.</summary>
internal sealed class QuietObserver : IRunObserver
{
    public void Compiled(bool succeeded, IReadOnlyList<CompilerMessage> diagnostics, double seconds)
    {
    }

    public void Discovered(IReadOnlyList<TestCase> tests)
    {
    }

    public void Started(TestCase test)
    {
    }

    public void Finished(TestOutcome outcome)
    {
    }

    public void Replaced(string reason)
    {
    }
}
