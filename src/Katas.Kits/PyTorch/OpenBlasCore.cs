namespace Katas.Kits.PyTorch;

/// <summary>
/// Which kernels OpenBLAS runs PyTorch's matrix products with, and the fix for an OpenBLAS older than the processor.
/// OpenBLAS picks its kernels ("core") by the processor's model number. A release that does not know the model falls back
/// to its generic Prescott kernels (SSE3) whatever the processor can do: Debian 12's OpenBLAS 0.3.21 does so on a 2023
/// Xeon (model 207), where its float32 matmul ran at 31 GFLOP/s against 138 with the AVX-512 kernels. A side-by-side bench
/// against that would compare our code with a misconfigured PyTorch, so the bench then names the core the processor's
/// flags allow (OPENBLAS_CORETYPE), as a newer OpenBLAS would pick it. A core OpenBLAS chose on purpose (Zen on an AMD
/// processor with AVX-512, say) is left alone, and so is an OPENBLAS_CORETYPE the user set.
/// </summary>
public static class OpenBlasCore
{
    /// <summary>The variable that names OpenBLAS's core.</summary>
    public const string Variable = "OPENBLAS_CORETYPE";

    /// <summary>Set to 2, OpenBLAS writes the core it chose on stderr when it loads ("Core: Haswell").</summary>
    public const string VerboseVariable = "OPENBLAS_VERBOSE";

    // OpenBLAS's x86-64 cores that use AVX2 or AVX-512 kernels (as its driver/others/dynamic.c names them); any other core it
    // reports is a generic or pre-AVX2 one.
    private static readonly string[] VectorCores = ["Haswell", "Zen", "SkylakeX", "Cooperlake", "SapphireRapids"];

    /// <summary>The core named in OpenBLAS's verbose output ("Core: SkylakeX"), or null when there is none (not OpenBLAS, or not verbose).</summary>
    public static string? Reported(string stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        return stderr.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("Core: ", StringComparison.Ordinal))
            .Select(line => line["Core: ".Length..].Trim())
            .LastOrDefault(core => core.Length > 0);
    }

    /// <summary>
    /// The best OpenBLAS core the processor's flags (/proc/cpuinfo's "flags" line) allow: SkylakeX with AVX-512 F, CD, BW, DQ
    /// and VL; Haswell with AVX2 and FMA; else null.
    /// </summary>
    public static string? Best(IReadOnlySet<string> flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        if (new[] { "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl" }.All(flags.Contains))
        {
            return "SkylakeX";
        }

        return flags.Contains("avx2") && flags.Contains("fma") ? "Haswell" : null;
    }

    /// <summary>
    /// The core to set, or null: only when OpenBLAS reported a generic or pre-AVX2 core (it did not know the processor) and
    /// the flags allow a better one.
    /// </summary>
    public static string? Override(string? reported, IReadOnlySet<string> flags) =>
        reported is null || VectorCores.Contains(reported, StringComparer.OrdinalIgnoreCase) ? null : Best(flags);

    /// <summary>The kernels PyTorch ran for the bench's tables: "OpenBLAS, SkylakeX kernels"; null when OpenBLAS did not say (another BLAS).</summary>
    public static string? Describe(string? reported, string? overridden) =>
        reported is null ? null : $"OpenBLAS, {overridden ?? reported} kernels";

    /// <summary>The note a table gets when the bench replaced OpenBLAS's choice, saying why; null when it did not.</summary>
    public static string? Note(string? reported, string? overridden) => reported is null || overridden is null
        ? null
        : $"OpenBLAS chose its generic {reported} kernels for this processor, a model it does not know; the bench set {Variable}={overridden}, " +
          "the kernels the processor's vector extensions allow (as a newer OpenBLAS picks them), so PyTorch's side runs at its best.";
}
