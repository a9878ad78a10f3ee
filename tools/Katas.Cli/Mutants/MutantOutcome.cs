namespace Katas.Cli.Mutants;

/// <summary>How one mutant fared: caught as its file declares, or not, with the line to print.</summary>
internal sealed record MutantOutcome(string Kata, string Name, bool Caught, string Report);
