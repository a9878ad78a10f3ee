namespace Katas.Cli.Bench;

/// <summary>What one kata's loop measured: seconds from each save to its board line, the cold path, and the timings lines.</summary>
internal sealed class LoopResult(LoopKata loop)
{
    public LoopKata Loop { get; } = loop;

    /// <summary>Seconds to the task's first row: its "so far" row when it has long tests, else its full row.</summary>
    public List<double> Right { get; } = [];

    /// <summary>Seconds to the task's full row, its long tests too.</summary>
    public List<double> RightComplete { get; } = [];

    public List<double> CompileError { get; } = [];

    public List<double> Wrong { get; } = [];

    public List<double> Crash { get; } = [];

    public List<double> WarmAgain { get; } = [];

    public List<double> WholeKata { get; } = [];

    public List<double> Cold { get; } = [];

    /// <summary>The board's own `timings:` lines, one per save.</summary>
    public List<string> Timings { get; } = [];
}
