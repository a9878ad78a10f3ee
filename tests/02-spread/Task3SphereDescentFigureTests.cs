using Katas.Figures;
using Katas.Spread.Kit;
using Katas.Testing;

namespace Katas.Spread.Tests;

/// <summary>Task 3's figure: the force loss on 20 vectors in 2D, drawn from the implementation under test and compared with the reference plot data.</summary>
[KataTask(3)]
public sealed class Task3SphereDescentFigureTests : KataTest
{
    private const string Kata = "02-spread";

    [Test]
    public void The_force_run_in_2D_draws_the_vectors_on_the_circle()
    {
        double[][] start = Oracle.RandomVectors(20, 2, seed: 1);
        SpreadRun run = LearnerCode.Run(() => SphereDescent.Run(Oracle.Tensor(start), (v, _) => Losses.TangentForce(v), DescentSettings.ArticleLosses),
            "SphereDescent.Run with Losses.TangentForce", TimeSpan.FromSeconds(60));
        RenderedRun figures = SpreadFigures.WriteRun(run, "Force loss", 18.0, KataEnvironment.ArtifactFolder(Kata), "force-2d-20", KataEnvironment.Animate);
        SnapshotAssert.Matches(figures.LastFrame, "force-2d-20", $"the force loss on 20 vectors in 2D (figures: {figures.Files})");
    }
}
