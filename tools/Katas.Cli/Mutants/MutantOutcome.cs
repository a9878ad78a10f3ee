namespace Katas.Cli.Mutants;

/// <summary>How one mutant fared: caught as its file declares, or not, with the line to print.</summary>
/// <param name="Kata">The kata folder name.</param>
/// <param name="Name">The mutant's name (its file without .mutant).</param>
/// <param name="Caught">Whether the test it names failed with the message it names.</param>
/// <param name="Report">The line printed for it (Spectre markup).</param>
/// <param name="Test">The test that caught it, or "".</param>
/// <param name="Message">The first line of that test's message: what a learner with this bug reads first.</param>
internal sealed record MutantOutcome(string Kata, string Name, bool Caught, string Report, string Test = "", string Message = "");
