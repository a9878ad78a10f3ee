using System.Runtime.InteropServices;

namespace Katas.Cli.Running;

/// <summary>
/// Ctrl+C and SIGTERM (a CI job or `kill` ending the command) as a cancellation: the command stops its run between two
/// reports instead of being killed mid-write, and its workers are ended by the runner, so the board can say the run was
/// stopped rather than leave half a line and a worker behind.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    /// <summary>The exit code of a command stopped with Ctrl+C: the shell's 128 + SIGINT (2).</summary>
    public const int InterruptedExitCode = 130;

    /// <summary>The exit code of a command asked to terminate (SIGTERM): the shell's 128 + SIGTERM (15).</summary>
    public const int TerminatedExitCode = 143;

    private readonly CancellationTokenSource _stop;
    private readonly ConsoleCancelEventHandler _onCtrlC;
    private readonly PosixSignalRegistration _onTerminate;
    private volatile bool _terminated;

    /// <summary>Starts listening; <paramref name="outer"/> (the command's own token) stops the run too.</summary>
    public StopSignals(CancellationToken outer)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _onCtrlC = (_, e) =>
        {
            // The first Ctrl+C stops the run cleanly; a second one, while that stop takes its time, ends the tool at once
            // (its workers then end too: their standard input closes).
            e.Cancel = !_stop.IsCancellationRequested;
            _stop.Cancel();
        };
        Console.CancelKeyPress += _onCtrlC;
        _onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            if (!_stop.IsCancellationRequested)
            {
                // The first stop decides the exit code: a SIGTERM after Ctrl+C leaves it at Ctrl+C's.
                _terminated = true;
            }

            _stop.Cancel();
        });
    }

    /// <summary>Cancelled when the learner pressed Ctrl+C or the process was asked to terminate.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>Whether a stop was asked for.</summary>
    public bool Stopped => _stop.IsCancellationRequested;

    /// <summary>The exit code for a stopped command, after the signal that stopped it first (a stop from the command's own token counts as Ctrl+C).</summary>
    public int ExitCode => _terminated ? TerminatedExitCode : InterruptedExitCode;

    /// <inheritdoc />
    public void Dispose()
    {
        Console.CancelKeyPress -= _onCtrlC;
        _onTerminate.Dispose();
        _stop.Dispose();
    }
}
