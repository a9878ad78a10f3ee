using System.ComponentModel;

namespace Katas.Watch;

/// <summary>Thrown at a watch point of a call into learner code whose time limit has passed (<see cref="LoopWatch"/>).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class TimeLimitException : Exception
{
    /// <summary>Creates the exception for a call stopped at <paramref name="where"/>.</summary>
    /// <param name="where">The method and line where the call was stopped.</param>
    /// <param name="knownHang">Whether it was stopped early, at a loop where an earlier call ran past its whole limit.</param>
    public TimeLimitException(string where, bool knownHang = false)
        : base(knownHang
            ? $"Stopped at {where} after {LoopWatch.KnownHangMilliseconds / 1000} seconds: an earlier call ran past its whole time limit at this same place."
            : $"Stopped at {where}: the call ran past its time limit.")
    {
        Where = where;
        KnownHang = knownHang;
    }

    /// <summary>Creates the exception with no location.</summary>
    public TimeLimitException()
        : base("The call ran past its time limit.") => Where = "";

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public TimeLimitException(string message, Exception innerException)
        : base(message, innerException) => Where = "";

    /// <summary>The method and line where the call was stopped.</summary>
    public string Where { get; }

    /// <summary>Whether it was stopped early, at a loop where an earlier call ran past its whole limit.</summary>
    public bool KnownHang { get; }
}
