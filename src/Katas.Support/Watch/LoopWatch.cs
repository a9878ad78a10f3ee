using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace Katas.Watch;

/// <summary>
/// Where learner code is while it runs, so a call that never ends can be named by its method and line, and stopped.
/// The katas' test worker compiles a kata with a call to <see cref="Tick"/> at the top of every loop body and to
/// <see cref="Enter"/> at the top of every method body (tools/Katas.Worker/Compiling/WatchPoints.cs); a build by
/// MSBuild (plain <c>dotnet test</c>) has none, and then nothing here runs. Learners never call this themselves.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class LoopWatch
{
    [ThreadStatic]
    private static WatchedCall? _current;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> KnownHangs = new(StringComparer.Ordinal);

    /// <summary>
    /// How long a call may stay at a watch point where an earlier call ran past its whole time limit (<see cref="MarkHung"/>):
    /// the same loop that never ended once is stopped after this instead of the full limit, so one endless loop costs one
    /// long wait, not one per test.
    /// </summary>
    public const long KnownHangMilliseconds = 2000;

    /// <summary>Records that a call ran past its whole time limit at <paramref name="where"/>.</summary>
    public static void MarkHung(string where) => KnownHangs[where] = true;

    /// <summary>Forgets every known hang (a new run: the learner may have fixed the loop).</summary>
    public static void ForgetHangs() => KnownHangs.Clear();

    /// <summary>Whether a call ran past its whole time limit at <paramref name="where"/>.</summary>
    public static bool IsKnownHang(string where) => !KnownHangs.IsEmpty && KnownHangs.ContainsKey(where);


    /// <summary>
    /// Watches the calls into learner code made on this thread until the returned watch is disposed: records where
    /// they are, and past <paramref name="deadline"/> makes the next watch point throw <see cref="TimeLimitException"/>.
    /// </summary>
    /// <param name="deadline">When the call must have ended, as <see cref="Environment.TickCount64"/>.</param>
    public static WatchedCall Arm(long deadline)
    {
        var call = new WatchedCall(deadline, StackAddress());
        _current = call;
        return call;
    }

    /// <summary>
    /// How deep a watched call may go into the stack: far more than any kata needs (a chain of the learner's methods takes
    /// a few kilobytes), and reached in a moment by a recursion without end, which would otherwise run on for seconds (a
    /// tensor operation per call) until the thread's 4 MiB (LearnerCode's) are full, and then unwind thousands of frames more.
    /// </summary>
    public const long StackLimitBytes = 256 << 10;

    /// <summary>A loop body starts: records <paramref name="where"/> and stops the call if its time is up.</summary>
    /// <param name="where">The method and line, e.g. "GradientDescent.Run (GradientDescent.cs, line 42)".</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Tick(string where)
    {
        WatchedCall? call = _current;
        if (call is not null)
        {
            call.Loop(where);
        }
    }

    /// <summary>
    /// A method body starts: as <see cref="Tick"/>, and a recursion that never ends becomes an exception that names the
    /// method instead of a stack overflow that ends the process.
    /// </summary>
    /// <param name="where">The method and line.</param>
    public static void Enter(string where)
    {
        WatchedCall? call = _current;
        if (call is null)
        {
            return;
        }

        call.Enter(where);
        if (Math.Abs(call.StackBase - StackAddress()) > StackLimitBytes || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new InsufficientExecutionStackException(
                $"The calls went more than {StackLimitBytes >> 10} KiB deep into the stack in {where}: a method that calls itself " +
                "without end (a recursion with no base case it reaches).");
        }
    }

    /// <summary>Where this thread's stack is now (the address of a local): stacks grow down, so the difference is the depth.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static unsafe long StackAddress()
    {
        byte here = 0;
        return (long)&here;
    }

    internal static void Disarm(WatchedCall call)
    {
        if (ReferenceEquals(_current, call))
        {
            _current = null;
        }
    }
}
