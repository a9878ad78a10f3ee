using System.Runtime.InteropServices;
using FluentAssertions;
using Katas.Cli.Running;

namespace Katas.Cli.Tests;

/// <summary>
/// Ctrl+C and SIGTERM stop `check` and `watch` as a cancellation, and a stopped `check` ends with the code a shell gives a
/// program killed by that signal (130, 143), so a CI job can tell a stop from a failure. The signals are sent to this
/// test process itself: the handlers under test keep it alive. Not marked parallelizable: the handlers are the process's.
/// </summary>
public sealed class StopSignalsTests
{
    private const int SigInt = 2;
    private const int SigTerm = 15;

    [TestCase(SigInt, StopSignals.InterruptedExitCode)]
    [TestCase(SigTerm, StopSignals.TerminatedExitCode)]
    public void A_signal_stops_the_run_and_gives_the_exit_code_of_that_signal(int signal, int exitCode)
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("Sends a POSIX signal to the test process.");
        }

        if (IgnoredSinceStart(signal))
        {
            // .NET, like a shell, leaves a signal ignored that the process inherited as ignored (nohup, a non-interactive shell's
            // background job): it can never arrive, and a timeout would misreport that as a broken handler.
            Assert.Ignore($"Signal {signal} is ignored in this test process (SigIgn in /proc/self/status: inherited from whoever started the tests, " +
                          "as a shell's background job starts): it cannot arrive. Start the tests from a foreground shell to test it.");
        }

        using var stop = new StopSignals(CancellationToken.None);
        Send(signal);

        stop.Token.WaitHandle.WaitOne(TimeSpan.FromSeconds(10)).Should().BeTrue("the signal cancels the run's token");
        stop.Stopped.Should().BeTrue();
        stop.ExitCode.Should().Be(exitCode);
        exitCode.Should().Be(128 + signal, "a shell reports a program ended by signal N as 128 + N");
    }

    [Test]
    public void The_first_signal_decides_the_exit_code()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("Sends a POSIX signal to the test process.");
        }

        using var outer = new CancellationTokenSource();
        using var stop = new StopSignals(outer.Token);
        outer.Cancel();
        Send(SigTerm);
        Thread.Sleep(200);

        stop.ExitCode.Should().Be(StopSignals.InterruptedExitCode, "the command's own stop came first; a later SIGTERM changes nothing");
    }

    /// <summary>Whether <paramref name="signal"/> is in this process's ignored set (the SigIgn mask of /proc/self/status, bit signal − 1).</summary>
    private static bool IgnoredSinceStart(int signal)
    {
        string? mask = File.ReadLines("/proc/self/status").FirstOrDefault(line => line.StartsWith("SigIgn:", StringComparison.Ordinal))?["SigIgn:".Length..].Trim();
        return mask is not null && (ulong.Parse(mask, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) & (1UL << (signal - 1))) != 0;
    }

    private static void Send(int signal) => Kill(Environment.ProcessId, signal).Should().Be(0, $"kill({Environment.ProcessId}, {signal})");

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
