using Katas.Kits;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Katas.Cli.Commands;

/// <summary>
/// `katas reproduce`: the article's runs, recomputed, from every kata that reproduces some, next to what the article
/// printed. Exit code 1 when a row differs from the article's printed digits.
/// </summary>
public sealed class ReproduceCommand(IAnsiConsole console) : Command
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, CancellationToken cancellationToken)
    {
        TorchRuntime.Initialise();
        int rows = 0, mismatches = 0;
        console.MarkupLine($"Recomputed with the [bold]{Markup.Escape(KataRepository.BuiltAgainst)}[/].");
        foreach (IKataReproduction reproduction in KitCatalog.Reproductions)
        {
            foreach (ReproducedTable reproduced in reproduction.Reproduce())
            {
                var table = new Table().Title(Markup.Escape(reproduced.Title)).AddColumns(reproduced.Columns.Select(Markup.Escape).ToArray());
                foreach (IReadOnlyList<string> row in reproduced.Rows)
                {
                    table.AddRow(row.Select(Markup.Escape).ToArray());
                }

                console.Write(table);
                console.WriteLine(reproduced.Note);
                rows += reproduced.Compared;
                mismatches += reproduced.Mismatches;
            }
        }

        console.WriteLine($"{rows - mismatches} of {rows} rows compared with the article's printed digits match.");
        return mismatches == 0 ? 0 : 1;
    }
}
