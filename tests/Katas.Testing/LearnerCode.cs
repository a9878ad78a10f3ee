using Katas.Testing.Coaching;
using Katas.Watch;
using NUnit.Framework;
using TorchSharp;

namespace Katas.Testing;

/// <summary>
/// Runs learner code so that its bugs become clear failing tests: an exception is explained by the
/// coach, an endless loop hits a time limit instead of hanging the run.
/// </summary>
public static class LearnerCode
{
    /// <summary>The time limit of a call into learner code unless a test or a runner says otherwise.</summary>
    public static readonly TimeSpan StandardTimeLimit = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The stack of a call into learner code: more than the 1.5 MB .NET gives a thread, so deep but finite code (and libtorch
    /// under it) has room, and no more, because a recursion without end fills all of it before the process ends: a stack
    /// overflow through tensor operations reached the board about a second later with 16 MB than with 4 or 2 MB (kata 01,
    /// `check` on a copy whose loss recursed through a lambda: 7.9-8.1 s against 5.7-5.9 s for its two crashes).
    /// </summary>
    private const int LearnerStackBytes = 4 * 1024 * 1024;

    /// <summary>How long one call into learner code may take unless a test says otherwise.</summary>
    public static TimeSpan DefaultTimeLimit { get; private set; } = StandardTimeLimit;

    /// <summary>
    /// For a runner (the katas' test worker): the limit of calls whose test sets none, e.g. shorter to test the runner's
    /// own handling of endless loops; null puts back <see cref="StandardTimeLimit"/>.
    /// </summary>
    public static void UseDefaultTimeLimit(TimeSpan? limit) => DefaultTimeLimit = limit ?? StandardTimeLimit;

    /// <summary>Runs <paramref name="code"/> on a thread of its own and returns its result, or fails the test with an explanation.</summary>
    /// <param name="code">The call into learner code.</param>
    /// <param name="what">What is being called, e.g. "GradientDescent.Run", for the messages.</param>
    /// <param name="timeLimit">The time limit; <see cref="DefaultTimeLimit"/> when null.</param>
    /// <param name="ifItThrows">
    /// What the test knows about this call that points to the cause should it throw (say, that an earlier call differing
    /// only in one setting ran): added to the explanation of any exception but a stub's NotImplementedException.
    /// </param>
    public static T Run<T>(Func<T> code, string what, TimeSpan? timeLimit = null, string? ifItThrows = null)
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
        // libtorch keeps its thread count per thread (OpenMP's and MKL's settings are thread-local): a new thread would run
        // matrix products and convolutions on every core, whatever the test set. The learner's thread takes the caller's count.
        int threads = torch.get_num_threads();
        T? result = default;
        Exception? thrown = null;
        WatchedCall? watch = null;
        using var armed = new ManualResetEventSlim();
        var thread = new Thread(() =>
        {
            torch.set_num_threads(threads);
            // Code compiled by the katas' test worker reports where it is at every loop and method (LoopWatch), so a call
            // past its limit is named by its line and stops at its next watch point; code built by MSBuild has no watch points.
            using WatchedCall call = LoopWatch.Arm(Environment.TickCount64 + (long)limit.TotalMilliseconds);
            watch = call;
            armed.Set();
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
        }, maxStackSize: LearnerStackBytes)
        {
            // An endless loop must not keep the test process alive after the run.
            IsBackground = true,
            Name = "learner code: " + what,
        };
        thread.Start();
        armed.Wait();
        if (!thread.Join(limit))
        {
            string? where = watch!.LastSeen;
            // Stopped at a watch point, the thread unwinds in a moment; without one it runs on and poisons the process.
            bool ended = where is not null && thread.Join(TimeSpan.FromSeconds(1));
            TimedOut = true;
            if (where is not null)
            {
                LoopWatch.MarkHung(where);
                LastStoppedAt = where;
            }

            if (!ended)
            {
                StillRunning = (thread, what, TestContext.CurrentContext.Test.Name, limit);
            }

            Assert.Fail($"{what} did not finish within {limit.TotalSeconds:0} seconds" + (where is null ? "." : $": it was running {where} when it was stopped.") +
                        " Either it never ends (a loop condition that never becomes false, an iteration counter that is never incremented) or it is far " +
                        "too slow: a loop over vectors, pairs or elements that makes small tensors one at a time can be thousands of times slower than " +
                        "one operation on whole tensors.");
        }

        if (thrown is TimeLimitException stopped)
        {
            LastStoppedAt = stopped.Where;
            if (stopped.KnownHang)
            {
                // Not a full time-out: the call ended at its watch point, so this process can go on.
                Assert.Fail($"{what} did not finish within {limit.TotalSeconds:0} seconds: it was still running {stopped.Where} after " +
                            $"{LoopWatch.KnownHangMilliseconds / 1000} seconds, where an earlier test's call ran past its whole time limit. A loop there never ends: " +
                            "check that its condition becomes false (an iteration counter that is never incremented?).");
            }

            // The watch stopped the call just as the limit passed (a race with Join): report it as the time-out it is.
            TimedOut = true;
            LoopWatch.MarkHung(stopped.Where);
            Assert.Fail($"{what} did not finish within {limit.TotalSeconds:0} seconds: it was running {stopped.Where} when it was stopped.");
        }

        if (thrown is not null)
        {
            Diagnosis diagnosis = Coach.ExplainException(thrown);
            string explanation = ifItThrows is null || diagnosis.Symptom == Symptom.NotImplemented ? diagnosis.Message : $"{diagnosis.Message}\n{ifItThrows}";
            string location = FirstLearnerFrame(thrown);
            Assert.Fail(location.Length == 0 ? explanation : $"{explanation}\n{location}");
        }

        return result!;
    }

    private static (Thread Thread, string What, string Test, TimeSpan Limit)? StillRunning { get; set; }

    /// <summary>
    /// Whether a call into learner code in this process ran past its time limit. A runner that keeps its process for more
    /// tests (the katas' test worker) starts a fresh one after such a test: learner state may be left half-changed.
    /// </summary>
    public static bool TimedOut { get; private set; }

    /// <summary>Where the last call into learner code that ran past its time limit was stopped, or null (none was, or no watch points).</summary>
    public static string? LastStoppedAt { get; private set; }

    /// <summary>
    /// Runs <paramref name="code"/> like <see cref="Run{T}"/>, for a test that looks at an earlier task to name it as the cause:
    /// null when that task's stub is not written yet (then there is nothing to blame it for).
    /// </summary>
    public static T? RunIfWritten<T>(Func<T> code, string what)
        where T : class =>
        Run(() =>
        {
            try
            {
                return code();
            }
            catch (NotImplementedException)
            {
                return null;
            }
        }, what);

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
            .FirstOrDefault(line => line.Contains(" in ", StringComparison.Ordinal) && line.Contains(".cs:line", StringComparison.Ordinal)
                                    // The watch points the test worker adds to learner code are not the learner's lines.
                                    && !line.StartsWith("at Katas.Watch.", StringComparison.Ordinal));
        return frame is null ? "" : "(at " + frame.Replace("at ", "", StringComparison.Ordinal) + ")";
    }
}
