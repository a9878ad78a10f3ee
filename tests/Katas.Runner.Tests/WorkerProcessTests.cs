using FluentAssertions;
using Katas.Runner.Supervision;

namespace Katas.Runner.Tests;

/// <summary>A worker process disposed at any moment leaves no reader behind that could end the tool.</summary>
public sealed class WorkerProcessTests
{
    [Test]
    public void A_worker_disposed_while_its_output_is_still_being_read_ends_quietly()
    {
        WorkerStart start = KataCopies.WorkerStart;
        var unhandled = new List<object>();
        UnhandledExceptionEventHandler record = (_, e) => unhandled.Add(e.ExceptionObject);
        AppDomain.CurrentDomain.UnhandledException += record;
        for (int round = 0; round < 10; round++)
        {
            // Disposed at once: its readers are still waiting on the pipes when the process is killed. Before the fix one of
            // them could complete the event queue after Dispose had freed it, an exception on a background thread that ended
            // the whole process (the test host here, ./kata grade in a course's CI).
            WorkerProcess worker = WorkerProcess.Start(start);
            worker.Dispose();
        }

        // Time for a reader that outlived Dispose to fail, if one did: such a failure ends the test host, which fails the run
        // with this test named; the handler records it for the message when the runtime lets the process go on.
        Thread.Sleep(500);
        AppDomain.CurrentDomain.UnhandledException -= record;
        unhandled.Should().BeEmpty();
    }
}
