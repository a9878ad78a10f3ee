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
        (Figure figure, string png) = TransformFigures.Write(shapes, KataEnvironment.ArtifactFolder(TransformRuns.Kata), "transforms");
        TestContext.Out.WriteLine($"Figure: {png}");
        SnapshotAssert.Matches(figure, "transforms", $"the letter F under four transforms (figure: {png})");
    }
}
