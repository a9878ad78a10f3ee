using System.ComponentModel;

namespace Katas.Watch;

/// <summary>One watched call into learner code (<see cref="LoopWatch.Arm"/>): where it was last seen, and its deadline.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class WatchedCall : IDisposable
{
    private readonly long _deadline;
    private readonly long _started = Environment.TickCount64;
    private volatile string? _lastSeen;
    private volatile string? _lastLoop;
    private volatile bool _stopped;

    internal WatchedCall(long deadline, long stackBase)
    {
        _deadline = deadline;
        StackBase = stackBase;
    }

    /// <summary>Where the stack was when the call was armed.</summary>
    internal long StackBase { get; }

    /// <summary>
    /// Where the call is, as the learner would look for it: the last loop it went round (a call that never ends is almost
    /// always a loop, and the methods it calls each round pass watch points too), else the last method it entered; null for
    /// code built without watch points.
    /// </summary>
    public string? LastSeen => _lastLoop ?? _lastSeen;

    /// <summary>Whether the call was stopped at a watch point because its time was up.</summary>
    public bool Stopped => _stopped;

    /// <summary>A loop body starts at <paramref name="where"/>.</summary>
    internal void Loop(string where)
    {
        _lastLoop = where;
        _lastSeen = where;
        long now = Environment.TickCount64;
        StopIfLate(now);
        if (now - _started > LoopWatch.KnownHangMilliseconds && LoopWatch.IsKnownHang(where))
        {
            _stopped = true;
            throw new TimeLimitException(where, knownHang: true);
        }
    }

    /// <summary>A method body starts at <paramref name="where"/>.</summary>
    internal void Enter(string where)
    {
        _lastSeen = where;
        StopIfLate(Environment.TickCount64);
    }

    private void StopIfLate(long now)
    {
        if (now > _deadline)
        {
            _stopped = true;
            throw new TimeLimitException(LastSeen!);
        }
    }

    /// <inheritdoc />
    public void Dispose() => LoopWatch.Disarm(this);
}
