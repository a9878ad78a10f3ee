namespace Katas.Data;

/// <summary>
/// The published facts of the article's linear-regression example on the height/weight sample
/// (data/README.md): its starting lines, its settings, and the least-squares optimum. One place for
/// them, so tests, figures and the tool never disagree.
/// </summary>
public static class ArticleFacts
{
    /// <summary>The first manual run's start, also the start of the article's RMSprop and Adam runs.</summary>
    public static Line Start1 { get; } = new(6.041117, -180);

    /// <summary>The second manual run's start.</summary>
    public static Line Start2 { get; } = new(5.0, -230.530985);

    /// <summary>Iterations of each manual run.</summary>
    public const int ManualIterations = 25;

    /// <summary>Iterations of the article's RMSprop run.</summary>
    public const int RmsPropIterations = 25;

    /// <summary>Iterations of the article's Adam run.</summary>
    public const int AdamIterations = 50;

    /// <summary>The ordinary least-squares line (float64, six decimals as published).</summary>
    public static Line LeastSquares { get; } = new(6.041117, -230.530985);

    /// <summary>The least-squares line's mean squared error, the smallest possible (four decimals).</summary>
    public const double LeastSquaresMse = 127.1024;
}
