using System.Globalization;
using Katas.Figures;
using Katas.Spread;

namespace Katas.Spread.Kit;

/// <summary>
/// One figure of kata 02, defined once: the run that makes it (loss, N, D, the seed of its random start and the
/// settings) and how it is drawn (file name, title, the best possible angle it marks). The demo and the figure
/// tests both run and draw through this, so a file name in artifacts/02-spread/yours and in
/// artifacts/02-spread/reference always means the same run: for a correct solution, the same plot data.
/// </summary>
/// <param name="Stem">The file name without extension: &lt;stem&gt;.png and &lt;stem&gt;.gif.</param>
/// <param name="Title">Names the loss, for the figure's title.</param>
/// <param name="Loss">One of <see cref="SpreadRuns.LossNames"/>.</param>
/// <param name="N">How many vectors.</param>
/// <param name="Dim">In how many dimensions.</param>
/// <param name="Seed">Seeds the random start (<see cref="SpreadRuns.Start"/>; for the Tammes solver, its settings' seed).</param>
/// <param name="Descent">The settings of an article loss's run; null for the Tammes solver.</param>
/// <param name="Schedule">The Tammes solver's settings (their seed is replaced by <paramref name="Seed"/>); null for an article loss.</param>
public sealed record SpreadFigureRun(string Stem, string Title, string Loss, int N, int Dim, int Seed, DescentSettings? Descent, TammesSettings? Schedule)
{
    /// <summary>The best possible smallest angle, marked on the figure (NaN when none is known).</summary>
    public double OptimumDegrees => SpreadRuns.BestKnownDegrees(N, Dim);

    /// <summary>The learner code the run calls, for messages.</summary>
    public string Calls => Loss switch
    {
        "min-angle" => "SphereDescent.Run with Losses.NegativeMinimumAngle",
        "variance" => "SphereDescent.Run with Losses.MinimumAngleWithSpread",
        "force" => "SphereDescent.Run with Losses.TangentForce",
        _ => "Tammes.Solve",
    };

    /// <summary>What the figure shows, in words, for messages and the demo's summary.</summary>
    public string Description => string.Create(CultureInfo.InvariantCulture, $"{Loss}, {N} vectors in {Dim}D (seed {Seed}, {SettingsName})");

    private string SettingsName => Schedule switch
    {
        null => "DescentSettings.ArticleLosses",
        _ when Schedule == TammesSettings.Quick => "TammesSettings.Quick",
        _ when Schedule == SpreadFigureRuns.OneStart => "TammesSettings.Quick from one start",
        _ => "default TammesSettings",
    };

    /// <summary>Makes the run with the implementation the kit was built against.</summary>
    public SpreadRun Run() => Schedule is { } schedule
        ? Tammes.Solve(N, Dim, schedule with { Seed = Seed })
        : SpreadRuns.Article(Loss, N, Dim, Seed, Descent ?? throw new InvalidOperationException($"{Stem}: an article loss's run needs its DescentSettings."));

    /// <summary>Writes &lt;stem&gt;.png (the last step) into <paramref name="folder"/>, and &lt;stem&gt;.gif when <paramref name="animate"/>.</summary>
    public RenderedRun Draw(SpreadRun run, string folder, bool animate) => SpreadFigures.WriteRun(run, Title, OptimumDegrees, folder, Stem, animate);
}
