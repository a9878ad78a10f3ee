using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Katas.Kits;

/// <summary>
/// The CPU time of the calling thread, for timing phases on a shared machine: unlike wall time it does not count waiting
/// for a core. Linux: clock_gettime(CLOCK_THREAD_CPUTIME_ID); elsewhere the process's CPU time (the benchmarks run on one
/// thread, so the two agree but for the runtime's own threads).
/// </summary>
public static class ThreadClock
{
    private const int ThreadCpuTimeClock = 3; // CLOCK_THREAD_CPUTIME_ID

    /// <summary>Seconds of CPU this thread has used.</summary>
    public static double Seconds()
    {
        if (OperatingSystem.IsLinux() && GetTime(ThreadCpuTimeClock, out TimeSpec time) == 0)
        {
            return time.Seconds + time.Nanoseconds * 1e-9;
        }

        using Process process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int GetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
