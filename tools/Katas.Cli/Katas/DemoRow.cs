namespace Katas.Cli.Katas;

/// <summary>One line of the demo's summary: a run, how it ended, and the files it wrote.</summary>
internal sealed record DemoRow(string Kata, string Run, int Iterations, string Result, IReadOnlyList<string> Files);

/// <summary>A kata's part of `katas demo`: renders its figures into a folder.</summary>
internal interface IKataDemo
{
    string Kata { get; }

    /// <summary>How many runs <see cref="Render"/> makes (for the progress bar).</summary>
    int Runs { get; }

    IEnumerable<DemoRow> Render(string folder);
}
