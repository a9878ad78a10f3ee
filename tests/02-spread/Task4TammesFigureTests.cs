using Katas.Figures;
using Katas.Spread.Kit;
using Katas.Testing;

namespace Katas.Spread.Tests;

/// <summary>Task 4's figures: the Tammes run in 3D and the four losses compared, drawn from the implementation under test and compared with the reference plot data.</summary>
[KataTask(4)]
public sealed class Task4TammesFigureTests : KataTest
{
    private const string Kata = "02-spread";

    [Test]
    public void The_tammes_run_in_3D_draws_both_hemispheres_with_nearest_neighbour_links()
    {
        SpreadRun run = LearnerCode.Run(() => Tammes.Solve(12, 3, TammesSettings.Quick), "Tammes.Solve", TimeSpan.FromSeconds(60));
        RenderedRun figures = SpreadFigures.WriteRun(run, "Tammes loss", 63.4349, KataEnvironment.ArtifactFolder(Kata), "tammes-3d-12", KataEnvironment.Animate);
        SnapshotAssert.Matches(figures.LastFrame, "tammes-3d-12", $"the Tammes loss on 12 vectors in 3D (figures: {figures.Files})");
    }

    [Test]
    public void The_four_losses_on_20_vectors_in_2D_are_compared_in_one_plot()
    {
        double[][] start = Oracle.RandomVectors(20, 2, seed: 1);
        var runs = new List<(string Name, SpreadRun Run)>();
        foreach ((string name, Func<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor> loss) in new (string, Func<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor>)[]
        {
            ("min-angle", Losses.NegativeMinimumAngle),
            ("variance", v => Losses.MinimumAngleWithSpread(v)),
            ("force", Losses.TangentForce),
        })
        {
            runs.Add((name, LearnerCode.Run(() => SphereDescent.Run(Oracle.Tensor(start), (v, _) => loss(v), DescentSettings.ArticleLosses),
                $"SphereDescent.Run with the {name} loss", TimeSpan.FromSeconds(60))));
        }

        runs.Add(("tammes", LearnerCode.Run(() => Tammes.Solve(20, 2, TammesSettings.Quick), "Tammes.Solve", TimeSpan.FromSeconds(60))));
        Figure comparison = SpreadFigures.Comparison("20 vectors in 2D: the four losses", runs, 18);
        string png = Path.Combine(KataEnvironment.ArtifactFolder(Kata), "losses-2d-20.png");
        FigureRenderer.SavePng(comparison, png);
        SnapshotAssert.Matches(comparison, "losses-2d-20", $"the four losses compared (figure: {png})");
    }
}
