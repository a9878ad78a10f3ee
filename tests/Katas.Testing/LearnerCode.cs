using Katas.Testing.Coaching;
using NUnit.Framework;

namespace Katas.Testing;

/// <summary>
/// Runs learner code so that its bugs become clear failing tests: an exception is explained by the
/// coach, an endless loop hits a time limit instead of hanging the run.
/// </summary>
public static class LearnerCode
{
    /// <summary>How long one call into learner code may take unless a test says otherwise.</summary>
    public static TimeSpan DefaultTimeLimit { get; } = TimeSpan.FromSeconds(20);

    /// <summary>Runs <paramref name="code"/> on a thread of its own and returns its result, or fails the test with an explanation.</summary>
    /// <param name="code">The call into learner code.</param>
    /// <param name="what">What is being called, e.g. "GradientDescent.Run", for the messages.</param>
    /// <param name="timeLimit">The time limit; <see cref="DefaultTimeLimit"/> when null.</param>
    public static T Run<T>(Func<T> code, string what, TimeSpan? timeLimit = null)
    {
        // A call that never ended keeps running on its thread and keeps changing TorchSharp's global
        // generator and thread pool: no later test can trust its results, so each fails at once instead of
        // waiting out its own time limit.
        if (StillRunning is { } earlier && earlier.Thread.IsAlive)
        {
            Assert.Fail($"An earlier call into your code ({earlier.What}, in {earlier.Test}) is still running: it did not finish " +
                        $"within {earlier.Limit.TotalSeconds:0} seconds, so this test can't run reliably. Fix that call first (a loop that never ends, or code far too slow).");
        }

        TimeSpan limit = timeLimit ?? DefaultTimeLimit;
        T? result = default;
        Exception? thrown = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = code();
            }
#pragma warning disable CA1031 // Any exception from learner code becomes a test failure with an explanation.
            catch (Exception e)
#pragma warning restore CA1031
            {
                thrown = e;
            }
        }, maxStackSize: 16 * 1024 * 1024)
        {
            // An endless loop must not keep the test process alive after the run.
            IsBackground = true,
            Name = "learner code: " + what,
        };
        thread.Start();
        if (!thread.Join(limit))
        {
            StillRunning = (thread, what, TestContext.CurrentContext.Test.Name, limit);
            Assert.Fail($"{what} did not finish within {limit.TotalSeconds:0} seconds. Either it never ends (a loop condition that never " +
                        "becomes false, an iteration counter that is never incremented) or it is far too slow: a loop over vectors, pairs or " +
                        "elements that makes small tensors one at a time can be thousands of times slower than one operation on whole tensors.");
        }

        if (thrown is not null)
        {
            Diagnosis diagnosis = Coach.ExplainException(thrown);
            string location = FirstLearnerFrame(thrown);
            Assert.Fail(location.Length == 0 ? diagnosis.Message : $"{diagnosis.Message}\n{location}");
        }

        return result!;
    }

    private static (Thread Thread, string What, string Test, TimeSpan Limit)? StillRunning { get; set; }

    /// <summary>Runs <paramref name="code"/> like <see cref="Run{T}"/>, for calls that return nothing.</summary>
    public static void Run(Action code, string what, TimeSpan? timeLimit = null) =>
        Run(() =>
        {
            code();
            return true;
        }, what, timeLimit);

    private static string FirstLearnerFrame(Exception exception)
    {
        string? frame = exception.StackTrace?.Split('\n')
            .Select(line => line.Trim())
            .FirstOrDefault(line => line.Contains(" in ", StringComparison.Ordinal) && line.Contains(".cs:line", StringComparison.Ordinal));
        return frame is null ? "" : "(at " + frame.Replace("at ", "", StringComparison.Ordinal) + ")";
    }
}
