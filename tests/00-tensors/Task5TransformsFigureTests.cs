using Katas.Figures;
using Katas.Testing;
using Katas.Tensors.Kit;

namespace Katas.Tensors.Tests;

/// <summary>Task 5: the figure of the four transforms, drawn from the implementation's results and compared with the reference data.</summary>
[KataTask(5)]
public sealed class Task5TransformsFigureTests : KataTest
{
    [Test]
    public void The_transforms_draw_the_reference_figure()
    {
        IReadOnlyList<TransformedShape> shapes = LearnerCode.Run(TransformRuns.All, "Transforms (through TransformRuns.All)");
        RenderedRun files = TransformFigures.Write(shapes, KataEnvironment.ArtifactFolder(TransformRuns.Kata), "transforms", KataEnvironment.Animate);
        TestContext.Out.WriteLine($"Figures: {files.Files}");
        SnapshotAssert.Matches(files.LastFrame, "transforms", $"the letter F under four transforms (figures: {files.Files})");
    }
}
