using FluentAssertions;
using Katas.Adversarial.Kit;

namespace Katas.Cli.Tests.Kits;

/// <summary>`katas bench dimensions`' study frees every tensor it makes: the data, each size's model and its evaluation.</summary>
public sealed class DimensionStudyTests
{
    [SetUp]
    public void Initialise() => TorchRuntime.Initialise();

    [Test]
    public void The_dimension_study_leaks_no_tensors()
    {
        long before = Katas.Kits.BenchMachine.LiveTensors();

        // One shrunk size and one grown one: the two ways Resample makes its pictures.
        IReadOnlyList<DimensionRow> rows = DimensionStudy.Run([7, 32], epochs: 1);

        rows.Should().HaveCount(2);
        Katas.Kits.BenchMachine.LiveTensors().Should().Be(before, "the study's data, models and evaluations are disposed when it ends");
    }
}
