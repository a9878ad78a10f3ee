using Katas.Runner.Protocol;

namespace Katas.Worker;

/// <summary>
/// Writes the worker's reports to the process's real standard output, opened once at start: NUnit redirects
/// Console.Out to capture what tests print, and learner code's prints must never mix with the reports.
/// </summary>
internal sealed class ProtocolWriter(string key)
{
    private readonly StreamWriter _output = new(Console.OpenStandardOutput()) { AutoFlush = true };
    private readonly Lock _gate = new();

    /// <summary>Sends one event, at once (the process may be gone a moment later).</summary>
    public void Send(WorkerEvent message)
    {
        lock (_gate)
        {
            _output.WriteLine(WorkerChannel.Line(key, message));
        }
    }
}
