namespace Katas.Runner.Protocol;

/// <summary>
/// Which of a run's long tests ([LongTest]) a worker runs when two workers share them: the long tests in the order they
/// were discovered, every <paramref name="Of"/>-th from position <paramref name="Index"/>; the quick tests only when
/// <paramref name="QuickTests"/>. The supervisor's main worker takes the quick tests and one share, a second worker the
/// other share, so on two cores the long tests no longer run one after the other behind every quick test.
/// </summary>
/// <param name="Index">This worker's share, from 0 to <paramref name="Of"/> - 1.</param>
/// <param name="Of">How many workers share the long tests.</param>
/// <param name="QuickTests">Whether this worker also runs the quick tests.</param>
public sealed record LongTestShare(int Index, int Of, bool QuickTests)
{
    /// <summary>Whether the long test at <paramref name="position"/> (0-based, in discovery order) is this worker's.</summary>
    public bool Takes(int position) => position % Of == Index;
}
