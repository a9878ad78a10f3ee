namespace Katas.Kits;

/// <summary>What a benchmark measured: its tables, where they go in the docs, and its figures as numbers for --json.</summary>
/// <param name="Kata">The kata whose docs page gets the tables (docs/KATA.md).</param>
/// <param name="Block">The block of that page (between <c>&lt;!-- bench:BLOCK --&gt;</c> markers), or null to write nothing.</param>
/// <param name="Reports">The tables, in order.</param>
/// <param name="Figures">The measured values at full precision (records, lists of rows), serialised as they are into --json; null for none.</param>
public sealed record BenchResult(string Kata, string? Block, IReadOnlyList<BenchReport> Reports, object? Figures = null);
