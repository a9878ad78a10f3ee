using System.ComponentModel;
using Spectre.Console.Cli;

namespace Katas.Kits;

/// <summary>What every `katas bench` command accepts: by default a benchmark also writes its figures into the kata's docs.</summary>
public class BenchSettings : CommandSettings
{
    /// <summary>Whether to print only, leaving the docs as they are.</summary>
    [CommandOption("--no-docs")]
    [Description("print only; by default the figures are also written into the kata's docs page, where it has a block for them")]
    public bool NoDocs { get; init; }

    /// <summary>Whether to print one JSON document (conditions, memory, tables, figures) instead of the tables.</summary>
    [CommandOption("--json")]
    [Description("print one JSON object (conditions, peak memory, live tensors, every table and the raw figures) instead of tables; progress goes to stderr")]
    public bool Json { get; init; }
}
