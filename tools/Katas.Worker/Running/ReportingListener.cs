using Katas.Runner.Protocol;
using Katas.Testing;
using Katas.Testing.Coaching;
using NUnit.Framework.Interfaces;

namespace Katas.Worker.Running;

/// <summary>
/// Reports each test to the supervisor the moment it starts and ends. After a test in which a call into learner code ran
/// past its time limit, the worker retires at once: the call may still be running and change TorchSharp's global state
/// under the next test, so a fresh worker runs the rest.
/// </summary>
internal sealed class ReportingListener(ProtocolWriter output, Action<string?> running) : ITestListener
{
    private string? _stoppedBefore;

    public void TestStarted(ITest test)
    {
        if (test.IsSuite)
        {
            return;
        }

        _stoppedBefore = LearnerCode.LastStoppedAt;
        running(test.FullName);
        output.Send(new WorkerEvent(WorkerEventKind.Started) { Test = test.FullName });
    }

    public void TestFinished(ITestResult result)
    {
        if (result.Test.IsSuite)
        {
            return;
        }

        running(null);
        bool passed = result.ResultState.Status == TestStatus.Passed;
        output.Send(new WorkerEvent(WorkerEventKind.Finished)
        {
            Outcome = new TestResult(result.FullName, passed, passed ? "" : Explained(result), passed ? "" : result.StackTrace ?? "", result.Duration,
                StoppedAt: ReferenceEquals(LearnerCode.LastStoppedAt, _stoppedBefore) ? null : LearnerCode.LastStoppedAt),
        });
        if (LearnerCode.TimedOut)
        {
            output.Send(new WorkerEvent(WorkerEventKind.Poisoned) { Reason = "a call into learner code ran past its time limit" });
            Environment.Exit(WorkerLoop.RetiredExitCode);
        }
    }

    /// <summary>
    /// A failure's message; for an exception no call into learner code caught (a test or the kit met it in what the learner's code
    /// returned: a tensor already disposed, say), with the coach's likely cause, as calls into learner code get it.
    /// </summary>
    private static string Explained(ITestResult result)
    {
        string message = result.Message ?? "";
        return result.ResultState.Label == ResultState.Error.Label && Coach.LikelyCauseOfUnhandled(message) is { } cause
            ? $"{message.TrimEnd()}\nLikely cause: {cause}"
            : message;
    }

    public void TestOutput(TestOutput output)
    {
        // What a test prints stays with NUnit; the board shows messages, not prints.
    }

    public void SendMessage(TestMessage message)
    {
    }
}
