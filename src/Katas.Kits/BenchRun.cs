using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace Katas.Kits;

/// <summary>
/// One run of a benchmark: its conditions, where its output goes (tables on the console, or one JSON document with progress
/// on stderr), and the memory it used. Made by <see cref="BenchCommand{TSettings}"/> before the benchmark measures.
/// </summary>
public sealed class BenchRun
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private readonly BenchSettings _settings;

    /// <summary>Starts a run of benchmark <paramref name="name"/>; counts the live tensors now, to compare at the end.</summary>
    public BenchRun(string name, BenchSettings settings, BenchConditions conditions)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Name = name;
        _settings = settings;
        Conditions = conditions;
        LiveTensorsBefore = BenchMachine.LiveTensors();
    }

    /// <summary>The benchmark's name (`katas bench NAME`).</summary>
    public string Name { get; }

    /// <summary>The conditions at the start.</summary>
    public BenchConditions Conditions { get; }

    /// <summary>Tensors alive on the benchmark's thread when it started.</summary>
    public long LiveTensorsBefore { get; }

    /// <summary>Whether the output is one JSON document (--json).</summary>
    public bool Json => _settings.Json;

    /// <summary>Prints a line of progress or commentary: to the console, or to stderr under --json so stdout stays one document.</summary>
    public void Say(string line)
    {
        if (Json)
        {
            Console.Error.WriteLine(line);
        }
        else
        {
            AnsiConsole.WriteLine(line);
        }
    }

    /// <summary>Prints a finished table (not under --json, where it goes into the document).</summary>
    public void Show(BenchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!Json)
        {
            report.Print();
        }
    }

    /// <summary>
    /// Ends the run: counts live tensors, reads peak memory, prints the memory line (or the JSON document) and writes the
    /// docs block (Release builds only). Returns the exit code: 0.
    /// </summary>
    public int Finish(BenchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var memory = new BenchMemory(BenchMachine.PeakResidentBytes(), LiveTensorsBefore, BenchMachine.LiveTensors());
        string loadAtEnd = BenchMachine.Load();
        if (Json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new BenchDocument(Name, result.Kata, result.Block, Conditions, loadAtEnd, memory,
                result.Reports.Select(report => new BenchTable(report.Title, report.Columns, report.Rows, report.Notes)).ToList(), result.Figures), JsonOptions));
        }
        else
        {
            AnsiConsole.WriteLine(memory.Sentence());
            AnsiConsole.WriteLine($"Load average at the end: {loadAtEnd}.");
        }

        if (result.Block is not null)
        {
            BenchDocs.Write(result.Kata, result.Block, Lines(result, memory, loadAtEnd), _settings, Conditions, Say);
        }

        return 0;
    }

    private IEnumerable<string> Lines(BenchResult result, BenchMemory memory, string loadAtEnd) =>
        BenchDocs.Lines($"{Conditions.Sentence()} Load average at the end: {loadAtEnd}. {memory.Sentence()}", result.Reports);

    private sealed record BenchDocument(string Bench, string Kata, string? Block, BenchConditions Conditions, string LoadAtEnd, BenchMemory Memory,
        IReadOnlyList<BenchTable> Tables, object? Figures);

    private sealed record BenchTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<string> Notes);
}

/// <summary>The memory a benchmark used: its process's peak resident memory and the live tensors before and after.</summary>
/// <param name="PeakResidentBytes">Peak resident memory of the process (VmHWM on Linux), native tensors included.</param>
/// <param name="LiveTensorsBefore">Tensors alive on the benchmark's thread before it measured.</param>
/// <param name="LiveTensorsAfter">Tensors alive after, once the garbage collector ran finalizers.</param>
public sealed record BenchMemory(long PeakResidentBytes, long LiveTensorsBefore, long LiveTensorsAfter)
{
    /// <summary>Tensors the benchmark left alive: after minus before (0: no leak).</summary>
    public long LeakedTensors => LiveTensorsAfter - LiveTensorsBefore;

    /// <summary>"Peak resident memory 612 MiB; live tensors 3 before, 3 after (none leaked)."</summary>
    public string Sentence() =>
        $"Peak resident memory {BenchMachine.Mebibytes(PeakResidentBytes)}; live tensors {LiveTensorsBefore} before, {LiveTensorsAfter} after " +
        (LeakedTensors == 0 ? "(none leaked)." : $"({LeakedTensors} LEAKED).");
}
