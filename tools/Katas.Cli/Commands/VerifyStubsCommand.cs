using Katas.Cli.Running;
using Katas.Kits;
using Katas.Runner.Outcomes;
using Katas.Runner.Protocol;
using Katas.Runner.Supervision;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Katas.Cli.Commands;

/// <summary>`katas verify stubs [NN]`: every kata test must fail on the untouched stubs, or it doesn't test the learner's code.</summary>
public sealed class VerifyStubsCommand(IAnsiConsole console) : Command<KataSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, KataSettings settings, CancellationToken cancellationToken) =>
        settings.Katas.Select(Stubs).ToList().All(ok => ok) ? 0 : 1;

    private bool Stubs(string kata)
    {
        WorkerStart? start = KataWorkers.Prepare(console, kata);
        if (start is null)
        {
            return false;
        }

        using var runner = new WarmRunner(start, keepStandby: false);
        KataRunResult result = runner.Run(new RunRequest(Path.Combine(KataRepository.Root, "katas", kata), "katas", [], []), new QuietObserver());
        if (!result.Built)
        {
            console.MarkupLine($"[red]{kata}: the stubs do not build[/]");
            foreach (CompilerMessage error in result.Diagnostics.Where(message => message.IsError))
            {
                console.WriteLine("  " + error);
            }

            return false;
        }

        List<TestOutcome> passing = result.Outcomes.Where(outcome => outcome.Passed).ToList();
        bool ok = result.Outcomes.Count > 0 && passing.Count == 0;
        console.MarkupLine(ok
            ? $"[green]{kata}: all {result.Outcomes.Count} tests fail on the untouched stubs[/] ({result.Elapsed.TotalSeconds:0.0} s)"
            : $"[red]{kata}: {passing.Count} of {result.Outcomes.Count} tests pass on the untouched stubs[/], so they don't test the learner's code:");
        foreach (TestOutcome outcome in passing)
        {
            console.MarkupLine($"  {Markup.Escape(outcome.FullName)}");
        }

        return ok;
    }
}
