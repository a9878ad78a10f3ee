using System.Reflection;
using Spectre.Console;
using Spectre.Console.Cli;
using TorchSharp;

namespace Katas.Kits;

/// <summary>
/// A `katas bench` command. The benchmark only measures (<see cref="Measure"/>); this records what every benchmark
/// records: the build (warning when it is not Release), the thread count and the load, the live tensors before and after
/// (a leak shows), the peak resident memory, and prints tables or one JSON document (--json) and writes the docs block.
/// </summary>
/// <typeparam name="TSettings">The benchmark's command line.</typeparam>
/// <param name="console">Where the tables and lines go (Spectre passes the tool's console).</param>
public abstract class BenchCommand<TSettings>(IAnsiConsole console) : Command<TSettings>
    where TSettings : BenchSettings
{
    /// <inheritdoc />
    public sealed override int Execute(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        TorchRuntime.Initialise(Threads(settings));
        string name = GetType().GetCustomAttribute<KataBenchAttribute>()?.Name ?? GetType().Name;
        var run = new BenchRun(name, settings, BenchConditions.Now(BenchMachine.Configuration(GetType().Assembly), torch.get_num_threads()), console);
        if (!run.Json)
        {
            console.MarkupLine($"[bold]{Markup.Escape(Heading(settings))}[/]");
        }

        run.Say(run.Conditions.Sentence());
        if (run.Conditions.ConfigurationWarning(name) is string warning)
        {
            Console.Error.WriteLine(warning);
        }

        return run.Finish(Measure(settings, run));
    }

    /// <summary>The CPU threads TorchSharp computes with in this benchmark (set before <see cref="Measure"/>).</summary>
    protected virtual int Threads(TSettings settings) => 1;

    /// <summary>The line printed above the tables: what is measured.</summary>
    protected abstract string Heading(TSettings settings);

    /// <summary>Measures, showing each table as it is done (<see cref="BenchRun.Show"/>), and returns what goes into the docs and --json.</summary>
    protected abstract BenchResult Measure(TSettings settings, BenchRun run);
}
