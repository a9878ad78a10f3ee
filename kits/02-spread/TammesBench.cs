using System.ComponentModel;
using Katas.Kits;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Katas.Spread.Kit;

/// <summary>The command line of `katas bench tammes` and `katas bench spread`.</summary>
public sealed class TammesBenchSettings : BenchSettings
{
    /// <summary>The smallest N of the Tammes table.</summary>
    [CommandOption("--from <N>")]
    [Description("the Tammes table starts at this N, 4..130")]
    [DefaultValue(4)]
    public int From { get; init; } = 4;

    /// <summary>The largest N of the Tammes table.</summary>
    [CommandOption("--to <N>")]
    [Description("the Tammes table ends at this N, --from..130 (best-known angles are recorded here up to 30)")]
    [DefaultValue(30)]
    public int To { get; init; } = 30;

    /// <summary>Whether to print the table as Markdown instead of a live console table.</summary>
    [CommandOption("--markdown")]
    [Description("print the table as Markdown (for docs/02-spread.md) as each row is measured")]
    public bool Markdown { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        From is < 4 or > 130 ? ValidationResult.Error($"--from must be a whole number from 4 to 130; got {From}.")
        : To < From || To > 130 ? ValidationResult.Error($"--to must be a whole number from --from ({From}) to 130; got {To}.")
        : ValidationResult.Success();
}

/// <summary>
/// `katas bench tammes`: the Tammes table, N points in 3D solved with the default settings of
/// `katas spread --loss tammes`, against Sloane's best-known angles, with the time each N took.
/// </summary>
[KataBench("tammes", "the Tammes table: N = 4..30 in 3D with the default settings, against the best-known angles")]
public sealed class TammesBench : Command<TammesBenchSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, TammesBenchSettings settings, CancellationToken cancellationToken)
    {
        TorchRuntime.Initialise();
        AnsiConsole.MarkupLine($"[bold]Kata 02: the Tammes table[/] ({Markup.Escape(KataRepository.BuiltAgainst)}, 1 CPU thread, {Environment.ProcessorCount} cores, float64, load {BenchDocs.Load()})");
        return Run(settings);
    }

    /// <summary>Measures and prints the table for N = <see cref="TammesBenchSettings.From"/>..<see cref="TammesBenchSettings.To"/>.</summary>
    internal static int Run(TammesBenchSettings settings)
    {
        string title = FormattableString.Invariant(
            $"Tammes solver, N points in 3D, default settings of `katas spread --loss tammes` (seed {TammesTable.Seed}): target within {TammesTable.TolerancePercent}% of the best-known angle in {TammesTable.SecondsBudget} s");
        string conditions = BenchDocs.Conditions();
        var rows = new List<TammesRow>();
        IEnumerable<int> ns = Enumerable.Range(settings.From, settings.To - settings.From + 1);
        if (settings.Markdown)
        {
            Console.WriteLine(title);
            Console.WriteLine();
            foreach (TammesRow row in TammesTable.Rows(ns))
            {
                rows.Add(row);
                // The header with the first row, then one line per row, so a long run shows its progress.
                Console.WriteLine(rows.Count == 1 ? string.Join('\n', TammesTable.Markdown([row])) : TammesTable.Markdown([row]).Last());
            }
        }
        else
        {
            var table = new Table().Title(Markup.Escape(title)).AddColumns(TammesTable.Headers);
            AnsiConsole.Live(table).Start(live =>
            {
                foreach (TammesRow row in TammesTable.Rows(ns))
                {
                    rows.Add(row);
                    table.AddRow(TammesTable.Cells(row).Select(Markup.Escape).ToArray());
                    live.Refresh();
                }
            });
        }

        Console.WriteLine();
        foreach (string line in TammesTable.Summary(rows))
        {
            Console.WriteLine(line);
        }

        string after = $"Load average after the table: {BenchDocs.Load()}.";
        Console.WriteLine(after);
        BenchDocs.Write(SpreadRuns.Kata, $"tammes-{settings.From}-{settings.To}",
            [conditions + " " + after, "", .. TammesTable.Markdown(rows), "", .. TammesTable.Summary(rows).Select(line => "- " + line)], settings);

        return 0;
    }
}
