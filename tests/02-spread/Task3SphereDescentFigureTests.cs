using FluentAssertions;
using Katas.Figures;
using Katas.Spread.Kit;
using Katas.Testing;

namespace Katas.Spread.Tests;

/// <summary>
/// Task 3's figure: the force loss on 20 vectors in 2D, drawn from the implementation under test through the run
/// definition the demo uses (<see cref="SpreadFigureRuns"/>), and compared with the reference plot data.
/// </summary>
[KataTask(3)]
public sealed class Task3SphereDescentFigureTests : KataTest
{
    private const string Kata = "02-spread";

    [Test]
    public void The_force_run_in_2D_draws_the_vectors_on_the_circle()
    {
        SpreadFigureRun figure = SpreadFigureRuns.Force2D;
        SpreadRun run = LearnerCode.Run(figure.Run, figure.Calls, TimeSpan.FromSeconds(60));
        RenderedRun files = figure.Draw(run, KataEnvironment.ArtifactFolder(Kata), KataEnvironment.Animate);
        SnapshotAssert.Matches(files.LastFrame, figure.Stem, $"{figure.Stem}, {figure.Description} (figures: {files.Files})");
    }

    [Test]
    public void The_demo_draws_every_test_figure_from_the_same_definition_and_force_2d_20_into_the_same_data()
    {
        // One start, one run, one name: every figure the tests write into artifacts/02-spread/yours is one the demo
        // writes into artifacts/02-spread/reference, from the same definition (start, settings, loss).
        IReadOnlyList<SpreadFigureRun> demoFigures = new SpreadDemo().Figures;
        SpreadFigureRun[] drawnByTests = [SpreadFigureRuns.Force2D, SpreadFigureRuns.Tammes3D12, .. SpreadFigureRuns.Circle];
        foreach (SpreadFigureRun drawn in drawnByTests)
        {
            demoFigures.Should().ContainSingle(d => d.Stem == drawn.Stem).Which.Should().BeSameAs(drawn,
                $"the tests draw {drawn.Stem}.png and the demo must draw the same run under that name");
        }

        demoFigures.Select(f => f.Stem).Append(SpreadFigureRuns.ComparisonStem).Should().OnlyHaveUniqueItems("one name, one run");
        demoFigures.Select(f => f.Seed).Distinct().Should().Equal([SpreadFigureRuns.Seed], "every figure starts from the same seed");

        // Then the data: the demo's own path (SpreadDemo.Draw) into a folder of its own, and the tests' path.
        SpreadFigureRun figure = SpreadFigureRuns.Force2D;
        string demoFolder = Path.Combine(Path.GetTempPath(), $"katas-02-demo-{Guid.NewGuid():N}");
        string testFolder = Path.Combine(Path.GetTempPath(), $"katas-02-test-{Guid.NewGuid():N}");
        try
        {
            (_, RenderedRun demo) = LearnerCode.Run(() => SpreadDemo.Draw(figure, demoFolder, animate: false), $"the demo's {figure.Stem} ({figure.Calls})", TimeSpan.FromSeconds(60));
            SpreadRun run = LearnerCode.Run(figure.Run, figure.Calls, TimeSpan.FromSeconds(60));
            RenderedRun test = figure.Draw(run, testFolder, animate: false);

            Path.GetFileName(test.Png).Should().Be(Path.GetFileName(demo.Png));
            FigureSnapshot.ToText(test.LastFrame).Should().Be(FigureSnapshot.ToText(demo.LastFrame),
                "the demo and the test make the same run (same start, settings and loss), so their plot data is the same; " +
                "if your code gives different answers for the same input (unseeded randomness, state kept between calls), they differ");
            File.ReadAllBytes(test.Png).Should().Equal(File.ReadAllBytes(demo.Png), "the same plot data renders to the same PNG in one process");
        }
        finally
        {
            foreach (string folder in new[] { demoFolder, testFolder }.Where(Directory.Exists))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
