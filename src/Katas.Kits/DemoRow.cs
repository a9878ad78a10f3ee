namespace Katas.Kits;

/// <summary>One line of the demo's summary: a run, how it ended, and the files it wrote.</summary>
public sealed record DemoRow(string Kata, string Run, int Iterations, string Result, IReadOnlyList<string> Files);
