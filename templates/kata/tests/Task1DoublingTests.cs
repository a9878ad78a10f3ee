using Katas.Figures;
using Katas.{{Name}}.Kit;
using Katas.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.{{Name}}.Tests;

/// <summary>Task 1: Doubling.Double.</summary>
[KataTask(1)]
public sealed class Task1DoublingTests : KataTest
{
    [Test]
    public void Every_element_is_doubled()
    {
        using Tensor values = torch.tensor(new[] { -1.5, 0, 2, 7 });
        Tensor doubled = LearnerCode.Run(() => Doubling.Double(values), "Doubling.Double");
        TensorAssert.Close(doubled, [-3, 0, 4, 14], [4], "Doubling.Double([-1.5, 0, 2, 7])");
    }

    [Test]
    public void The_dtype_is_kept()
    {
        using Tensor values = torch.ones(3, ScalarType.Float32);
        Tensor doubled = LearnerCode.Run(() => Doubling.Double(values), "Doubling.Double");
        TensorAssert.HasDtype(doubled, ScalarType.Float32, "Doubling.Double of float32 values");
    }

    [Test]
    public void The_figure_shows_the_doubled_line()
    {
        Figure figure = LearnerCode.Run({{Name}}Figures.DoubledLine, "Doubling.Double");
        SnapshotAssert.Matches(figure, "doubled-line", "the doubled line");
    }
}
