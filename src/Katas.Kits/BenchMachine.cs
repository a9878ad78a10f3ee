using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using TorchSharp;

namespace Katas.Kits;

/// <summary>What a benchmark records about the process it runs in: the build, the machine's load, peak memory and live tensors.</summary>
public static class BenchMachine
{
    /// <summary>
    /// The build configuration <paramref name="assembly"/> was compiled in ("Release", "Debug"), from the attribute the SDK
    /// writes; "unknown" without it. A benchmark names the assembly that holds its timed code.
    /// </summary>
    public static string Configuration(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration is { Length: > 0 } configuration ? configuration : "unknown";
    }

    /// <summary>The machine's load (1, 5 and 15 minutes) where Linux reports it, for reading the times.</summary>
    public static string Load() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>The processor's model name where Linux reports it (/proc/cpuinfo), else "unknown".</summary>
    public static string Processor() => ProcessorName(CpuinfoText()) ?? "unknown";

    /// <summary>The processor's feature flags where Linux reports them (the first "flags" line of /proc/cpuinfo), else none.</summary>
    public static IReadOnlySet<string> ProcessorFlags() => ProcessorFlags(CpuinfoText());

    /// <summary>The flags of the first "flags" line of a /proc/cpuinfo text ("fpu vme ... avx2 ..."), or none.</summary>
    public static IReadOnlySet<string> ProcessorFlags(string cpuinfoText) =>
        CpuinfoWords(cpuinfoText, "flags").FirstOrDefault()?.ToHashSet(StringComparer.Ordinal) ?? [];

    /// <summary>
    /// The first "model name" of a /proc/cpuinfo text, spaces collapsed ("Intel(R) Xeon(R) Processor"), or null when it has
    /// none (some ARM kernels leave it out).
    /// </summary>
    public static string? ProcessorName(string cpuinfoText) =>
        CpuinfoWords(cpuinfoText, "model name").Select(words => string.Join(' ', words)).FirstOrDefault(name => name.Length > 0);

    /// <summary>/proc/cpuinfo's text, or nothing where there is none (not Linux).</summary>
    private static string CpuinfoText() => File.Exists("/proc/cpuinfo") ? File.ReadAllText("/proc/cpuinfo") : "";

    /// <summary>The words after the colon of each "<paramref name="field"/> : ..." line of a /proc/cpuinfo text (one line per core).</summary>
    private static IEnumerable<string[]> CpuinfoWords(string cpuinfoText, string field)
    {
        ArgumentNullException.ThrowIfNull(cpuinfoText);
        return cpuinfoText.Split('\n')
            .Where(line => line.StartsWith(field, StringComparison.Ordinal) && line.Contains(':', StringComparison.Ordinal))
            .Select(line => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// The process's peak resident memory in bytes: VmHWM of /proc/self/status on Linux (what the kernel counted, native
    /// tensors included), else <see cref="Process.PeakWorkingSet64"/>.
    /// </summary>
    public static long PeakResidentBytes()
    {
        const string status = "/proc/self/status";
        if (File.Exists(status) && StatusKilobytes(File.ReadAllText(status), "VmHWM") is long kilobytes)
        {
            return kilobytes * 1024;
        }

        using Process process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }

    /// <summary>A "Name:   123 kB" line of a /proc/PID/status text, in kB; null when the field is missing or malformed.</summary>
    public static long? StatusKilobytes(string statusText, string field)
    {
        ArgumentNullException.ThrowIfNull(statusText);
        foreach (string line in statusText.Split('\n'))
        {
            if (!line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                continue;
            }

            string[] parts = line[(field.Length + 1)..].Split(' ', '\t').Where(part => part.Length > 0).ToArray();
            return parts.Length == 2 && parts[1] == "kB" && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out long value) ? value : null;
        }

        return null;
    }

    /// <summary>
    /// Tensors alive on this thread once the garbage collector has run the finalizers of unreachable ones: the count a
    /// benchmark compares before and after its work to show it leaks none.
    /// </summary>
    public static long LiveTensors()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return DisposeScopeManager.Statistics.ThreadTotalLiveCount;
    }

    /// <summary>Bytes as mebibytes, for tables: "612 MiB".</summary>
    public static string Mebibytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("N0", CultureInfo.InvariantCulture) + " MiB";
}
