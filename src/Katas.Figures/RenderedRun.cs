namespace Katas.Figures;

/// <summary>The files a run's figures were written to, and its last frame.</summary>
/// <param name="LastFrame">The figure at the last iteration.</param>
/// <param name="Png">The last frame as a PNG file.</param>
/// <param name="Gif">The animation of all frames, or null when none was made.</param>
public sealed record RenderedRun(Figure LastFrame, string Png, string? Gif)
{
    /// <summary>The files written, for messages.</summary>
    public string Files => Gif is null ? Png : $"{Png} and {Gif}";
}
