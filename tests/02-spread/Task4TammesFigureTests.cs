using Katas.Figures;
using Katas.Spread.Kit;
using Katas.Testing;

namespace Katas.Spread.Tests;

/// <summary>
/// Task 4's figures: the Tammes run in 3D and the four losses compared, drawn from the implementation under test
/// through the run definitions the demo uses (<see cref="SpreadFigureRuns"/>), and compared with the reference plot data.
/// </summary>
[KataTask(4)]
public sealed class Task4TammesFigureTests : KataTest
{
    private const string Kata = "02-spread";

    [Test]
    public void The_tammes_run_in_3D_draws_both_hemispheres_with_nearest_neighbour_links()
    {
        SpreadFigureRun figure = SpreadFigureRuns.Tammes3D12;
        SpreadRun run = LearnerCode.Run(figure.Run, figure.Calls, TimeSpan.FromSeconds(60));
        RenderedRun files = figure.Draw(run, KataEnvironment.ArtifactFolder(Kata), KataEnvironment.Animate);
        SnapshotAssert.Matches(files.LastFrame, figure.Stem, $"{figure.Stem}, {figure.Description} (figures: {files.Files})");
    }

    [Test]
    public void The_four_losses_on_20_vectors_in_2D_are_compared_in_one_plot()
    {
        string folder = KataEnvironment.ArtifactFolder(Kata);
        var runs = new List<SpreadRun>();
        foreach (SpreadFigureRun figure in SpreadFigureRuns.Circle)
        {
            SpreadRun run = LearnerCode.Run(figure.Run, figure.Calls, TimeSpan.FromSeconds(60));
            // Each loss's own figure too, so artifacts/02-spread/yours has every 2D figure the demo draws.
            figure.Draw(run, folder, KataEnvironment.Animate);
            runs.Add(run);
        }

        (Figure comparison, string png) = SpreadFigureRuns.WriteComparison(runs, folder);
        SnapshotAssert.Matches(comparison, SpreadFigureRuns.ComparisonStem, $"the four losses compared, each from seed {SpreadFigureRuns.Seed} (figure: {png})");
    }
}
