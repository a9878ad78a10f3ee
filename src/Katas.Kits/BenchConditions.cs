using System.Globalization;

namespace Katas.Kits;

/// <summary>The conditions a benchmark ran in, recorded with its figures so they can be read for what they are.</summary>
/// <param name="Date">When it started (UTC).</param>
/// <param name="Implementation">Which implementation of the katas the tool was built against, in words.</param>
/// <param name="Configuration">The build configuration of the timed code ("Release" is the only one whose times mean anything).</param>
/// <param name="Threads">The CPU threads TorchSharp computed with.</param>
/// <param name="Cores">Logical cores of the machine.</param>
/// <param name="LoadAtStart">The load average (1, 5, 15 minutes) when it started.</param>
/// <param name="Processor">
/// The processor's model name, or "unknown". It matters to the ratios: the oneMKL that TorchSharp's libtorch bundles takes its fast
/// paths on Intel's processors only, so the same bench reads differently on an AMD one.
/// </param>
public sealed record BenchConditions(DateTime Date, string Implementation, string Configuration, int Threads, int Cores, string LoadAtStart, string Processor)
{
    /// <summary>Whether the timed code was built in Release.</summary>
    public bool IsRelease => Configuration == "Release";

    /// <summary>The conditions now, for code built in <paramref name="configuration"/> running on <paramref name="threads"/> threads.</summary>
    public static BenchConditions Now(string configuration, int threads) =>
        new(DateTime.UtcNow, KataRepository.BuiltAgainst, configuration, threads, Environment.ProcessorCount, BenchMachine.Load(), BenchMachine.Processor());

    /// <summary>
    /// One sentence for the docs: "Measured 2026-12-04 on an Intel(R) Xeon(R) Processor with the reference solutions (Release
    /// build), 1 thread of 2 cores, load average ... when it started."
    /// </summary>
    public string Sentence() => string.Create(CultureInfo.InvariantCulture,
        $"Measured {Date:yyyy-MM-dd} on {ProcessorWithArticle} with the {Implementation} ({Configuration} build), {Threads} {(Threads == 1 ? "thread" : "threads")} of {Cores} cores, " +
        $"load average {LoadAtStart} when it started.");

    private string ProcessorWithArticle => Processor == "unknown"
        ? "an unknown processor"
        : ("AEIOU".Contains(char.ToUpperInvariant(Processor[0]), StringComparison.Ordinal) ? "an " : "a ") + Processor;

    /// <summary>
    /// The warning a build other than Release gets: its times are not comparable (the docs once held Debug figures), so
    /// its figures are not written into the docs.
    /// </summary>
    public string? ConfigurationWarning(string bench) => IsRelease
        ? null
        : $"Warning: this is a {Configuration} build; its times are not what the docs record and nothing is written into them. " +
          $"Time a Release build: dotnet run -c Release --project tools/Katas.Cli -- bench {bench}";
}
