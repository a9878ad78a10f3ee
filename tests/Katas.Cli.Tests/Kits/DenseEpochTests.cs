using FluentAssertions;
using Katas.Dense;
using Katas.Dense.Kit;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Cli.Tests.Kits;

/// <summary>
/// The kit's fast epoch of `katas bench dense` does the same work as the learner's code does it: it ends where
/// BuiltInNetwork.Fit ends from the same weights in the same order, and it leaks no tensors.
/// </summary>
public sealed class DenseEpochTests
{
    [SetUp]
    public void Initialise() => TorchRuntime.Initialise();

    [Test]
    public void An_epoch_of_the_kit_ends_where_the_learners_fit_ends_and_leaks_nothing()
    {
        using DenseData data = DenseData.Load(trainLimit: 1000, testLimit: 1);
        using var epoch = new DenseEpoch(data.TrainImages, data.TrainLabels, BookSettings.BatchSize);
        using Tensor order = torch.randperm(1000, generator: new Generator(DenseBench.ShuffleSeed));
        using DenseStart start = DenseStart.Draw();
        long before = Katas.Kits.BenchMachine.LiveTensors();

        TimedEpoch kit = start.TrainBuiltIn(epoch, order);
        TimedEpoch learners = start.FitAsWritten(data, BookSettings.BatchSize);

        Katas.Kits.BenchMachine.LiveTensors().Should().Be(before, "an epoch frees every tensor it makes");
        kit.Loss.Should().BeApproximately(learners.Loss, 1e-5, "the same weights, order and updates give the same mean loss");
        kit.Accuracy.Should().BeApproximately(learners.Accuracy, 1e-3);
        kit.Phases.Total.Should().BeLessThanOrEqualTo(kit.Seconds);
    }
}
