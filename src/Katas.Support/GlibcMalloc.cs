using System.Globalization;
using System.Runtime.InteropServices;

namespace Katas;

/// <summary>
/// glibc's malloc set up for tensors, in this process and in the processes that run tensor code for it (the test
/// worker, <c>dotnet test</c>'s test host through tests/katas.runsettings, and PyTorch's side of a bench, so both
/// sides of a comparison allocate the same way).
/// <para>
/// By default glibc serves every block above 128 KiB (later up to 32 MiB) with its own mmap and unmaps it when it is
/// freed, so a loop that makes and frees large tensors every step page-faults its memory in again each time. Measured
/// here: the Tammes solver at 30 points took 6.6–7.6 s with 2.5 s of it in the kernel, and 2.5 s with freed memory
/// kept; kata 03's task 2 (the pets network's activations for 25 pictures are 52 MiB a block) took 36–39 s with
/// 4.6 million page faults and 12 s in the kernel, and 25–26 s with 0.2 million and under 1 s once no block is
/// mmapped on its own and every thread shares one arena (a second arena gives its heaps back when a block is freed).
/// </para>
/// No library exposes these settings to .NET, hence the P/Invokes. A no-op where the C library is not glibc.
/// </summary>
public static class GlibcMalloc
{
    /// <summary>Free memory at the top of the heap above this is given back to the system.</summary>
    public const int TrimThreshold = 256 << 20;

    /// <summary>glibc's largest mmap threshold: blocks above it would have their own mmap, but <see cref="MmapMax"/> turns that off.</summary>
    public const int MmapThreshold = 32 << 20;

    /// <summary>How many blocks may have their own mmap: none, so freed blocks of any size are reused.</summary>
    public const int MmapMax = 0;

    /// <summary>One arena for every thread: it must be set before the process starts, so only children get it.</summary>
    public const int ArenaMax = 1;

    /// <summary>The same settings as environment variables, for a child process (glibc reads them when it starts).</summary>
    public static IReadOnlyDictionary<string, string> ChildEnvironment { get; } = new Dictionary<string, string>
    {
        ["MALLOC_ARENA_MAX"] = ArenaMax.ToString(CultureInfo.InvariantCulture),
        ["MALLOC_MMAP_MAX_"] = MmapMax.ToString(CultureInfo.InvariantCulture),
        ["MALLOC_MMAP_THRESHOLD_"] = MmapThreshold.ToString(CultureInfo.InvariantCulture),
        ["MALLOC_TRIM_THRESHOLD_"] = TrimThreshold.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Applies the settings to this process (all but <see cref="ArenaMax"/>, which only counts before threads have
    /// made their arenas). Safe to call more than once.
    /// </summary>
    public static void ConfigureThisProcess()
    {
        IfGlibc(() =>
        {
            _ = MallocOption(MallocTrimThresholdOption, TrimThreshold);
            _ = MallocOption(MallocMmapThresholdOption, MmapThreshold);
            _ = MallocOption(MallocMmapMaxOption, MmapMax);
        });
    }

    /// <summary>
    /// Gives the free memory inside the heap back to the system (glibc's malloc_trim), not only what is free at its top.
    /// Why: with no block mmapped on its own, a long run that makes and frees tensors of many sizes leaves free holes in
    /// the heap that stay resident; `bench adversarial` grew to 1.1 GiB that way with 0 tensors alive between its
    /// measurements. Call it between measurements, never inside a timed loop: the pages given back fault in again on
    /// their next use. A no-op where the C library is not glibc.
    /// </summary>
    public static void ReturnFreedMemory()
    {
        IfGlibc(() => _ = MallocTrim(0));
    }

    /// <summary>Calls glibc; where the C library is another (not Linux, or no such entry point), does nothing.</summary>
    private static void IfGlibc(Action call)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            call();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc: keep the C library's defaults, and nothing to give back this way.
        }
    }

    // mallopt's parameter numbers (malloc.h).
    private const int MallocTrimThresholdOption = -1;
    private const int MallocMmapThresholdOption = -3;
    private const int MallocMmapMaxOption = -4;

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int MallocOption(int parameter, int value);

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
