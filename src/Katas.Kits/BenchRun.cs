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
    private static readonly JsonSerializerOptions JsonOptions = KitJson.Document;

    private readonly BenchSettings _settings;
    private readonly IAnsiConsole _console;

    /// <summary>Starts a run of benchmark <paramref name="name"/>; counts the live tensors now, to compare at the end.</summary>
    /// <param name="name">The benchmark's name.</param>
    /// <param name="settings">Its command line.</param>
    /// <param name="conditions">The build, threads and load at the start.</param>
    /// <param name="console">Where tables, lines and the JSON document go (progress under --json goes to stderr).</param>
    public BenchRun(string name, BenchSettings settings, BenchConditions conditions, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _console = console;
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

    /// <summary>Tensors alive once the benchmark had loaded what it measures on (null unless it said, <see cref="SetupDone"/>).</summary>
    public long? LiveTensorsAfterSetup { get; private set; }

    /// <summary>Tensors alive when the measurements were done, before the setup is freed (null unless it said, <see cref="MeasuringDone"/>).</summary>
    public long? LiveTensorsAfterMeasuring { get; private set; }

    /// <summary>Why tensors of the setup stay alive after it is freed, when some do (e.g. a library keeping one per module it builds).</summary>
    public string? SetupNote { get; private set; }

    /// <summary>
    /// Marks the end of the setup (data, networks): the measurements must come back to the tensors alive now.
    /// <paramref name="note"/> explains tensors the setup leaves alive that the benchmark cannot free.
    /// </summary>
    public void SetupDone(string? note = null)
    {
        LiveTensorsAfterSetup = BenchMachine.LiveTensors();
        SetupNote = note;
    }

    /// <summary>Marks the end of the measurements, before the setup is freed: anything alive beyond the setup's count is a leak.</summary>
    public void MeasuringDone() => LiveTensorsAfterMeasuring = BenchMachine.LiveTensors();

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
            _console.WriteLine(line);
        }
    }

    /// <summary>Prints a finished table (not under --json, where it goes into the document).</summary>
    public void Show(BenchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!Json)
        {
            report.Print(_console);
        }
    }

    /// <summary>
    /// Ends the run: counts live tensors, reads peak memory, prints the memory line (or the JSON document) and writes the
    /// docs block (Release builds only). Returns the exit code: 0.
    /// </summary>
    public int Finish(BenchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var memory = new BenchMemory(BenchMachine.PeakResidentBytes(), LiveTensorsBefore, BenchMachine.LiveTensors(),
            LiveTensorsAfterSetup is long setup && LiveTensorsAfterMeasuring is long measured ? new SetupTensors(setup, measured, SetupNote) : null);
        string loadAtEnd = BenchMachine.Load();
        if (Json)
        {
            _console.WriteRawLine(JsonSerializer.Serialize(new BenchDocument(Name, result.Kata, result.Block, Conditions, loadAtEnd, memory,
                result.Reports.Select(report => new BenchTable(report.Title, report.Columns, report.Rows, report.Notes)).ToList(), result.Figures), JsonOptions));
        }
        else
        {
            _console.WriteLine(memory.Sentence());
            _console.WriteLine($"Load average at the end: {loadAtEnd}.");
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
/// <param name="LiveTensorsBefore">Tensors alive on the benchmark's thread before it started.</param>
/// <param name="LiveTensorsAfter">Tensors alive at the end, once the garbage collector ran finalizers.</param>
/// <param name="Setup">The counts around the measurements, when the benchmark marked them.</param>
public sealed record BenchMemory(long PeakResidentBytes, long LiveTensorsBefore, long LiveTensorsAfter, SetupTensors? Setup = null)
{
    /// <summary>
    /// Tensors leaked: what the measurements left beyond the setup's count when they are marked (what the setup itself
    /// keeps is explained by its note), else the end against the start. 0 is no leak.
    /// </summary>
    public long LeakedTensors => Setup is { } setup && setup.Note is not null
        ? setup.AfterMeasuring - setup.AfterSetup
        : LiveTensorsAfter - LiveTensorsBefore + (Setup is { } marked ? Math.Max(0, marked.AfterMeasuring - marked.AfterSetup) : 0);

    /// <summary>"Peak resident memory 612 MiB; live tensors 3 before, 3 after (none leaked)."</summary>
    public string Sentence()
    {
        string around = Setup is { } setup ? $"{setup.AfterSetup} after loading what it measures, {setup.AfterMeasuring} after measuring, " : "";
        string kept = Setup?.Note is string note && LiveTensorsAfter > LiveTensorsBefore ? $" The {LiveTensorsAfter - LiveTensorsBefore} left at the end: {note}" : "";
        return $"Peak resident memory {BenchMachine.Mebibytes(PeakResidentBytes)}; live tensors {LiveTensorsBefore} before, {around}{LiveTensorsAfter} at the end " +
            (LeakedTensors == 0 ? "(none leaked)." : $"({LeakedTensors} LEAKED).") + kept;
    }
}

/// <summary>Live tensors around a benchmark's measurements.</summary>
/// <param name="AfterSetup">Once its data and networks were loaded.</param>
/// <param name="AfterMeasuring">When the measurements were done, before the setup was freed.</param>
/// <param name="Note">Why some of the setup's tensors stay alive after it is freed, if some do.</param>
public sealed record SetupTensors(long AfterSetup, long AfterMeasuring, string? Note);
