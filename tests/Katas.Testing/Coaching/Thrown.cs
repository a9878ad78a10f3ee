namespace Katas.Testing.Coaching;

/// <summary>What learner code threw, for tests that check an exception is the right one and say what came instead.</summary>
public static class Thrown
{
    /// <summary>The exception <paramref name="call"/> throws, or null when it returns. Run it through LearnerCode.Run.</summary>
    public static Exception? By(Action call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            call();
            return null;
        }
#pragma warning disable CA1031 // The test reports whichever exception the learner's code threw.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return e;
        }
    }
}
