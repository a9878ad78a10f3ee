using FluentAssertions;
using Katas.Data;
using Katas.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Victims.Tests;

public sealed class FashionVictimTests : KataTest
{
    [Test]
    public void The_committed_fashion_weights_classify_the_test_split_at_least_90_percent_right()
    {
        using var victim = Victim.LoadFashion();
        // The test split was never trained on (training reads only the training split).
        ImageDataset test = FashionMnist.Load(DataSplit.Test);

        double accuracy = FashionTraining.Accuracy(victim.Network, test);

        accuracy.Should().BeGreaterThanOrEqualTo(0.90,
            $"the committed Fashion-MNIST victim should classify at least 90% of the {test.Count} test pictures ({test.Source}) right");
        new FileInfo(Victim.FashionWeightsPath).Length.Should().BeLessThan(5L * 1024 * 1024, "the committed weights must stay under 5 MB");
    }

    [Test]
    public void The_fashion_victim_is_loaded_in_eval_mode_with_frozen_parameters_and_10_classes()
    {
        using var victim = Victim.LoadFashion();

        victim.Network.training.Should().BeFalse();
        victim.Network.parameters().Should().OnlyContain(p => !p.requires_grad);
        victim.ClassNames.Should().HaveCount(10);
        using Tensor probabilities = victim.Probabilities(torch.rand(3, 1, 28, 28));
        probabilities.shape.Should().Equal(3, 10);
    }

    [Test]
    public void A_smoke_training_runs_every_step_and_gives_a_network_in_eval_mode()
    {
        // The shipped subset (1,000 test pictures) keeps the smoke run to seconds wherever the full set is installed.
        TrainedFashion trained = FashionTraining.Train(epochs: 1, threads: 1, directory: Path.Combine(KataEnvironment.RepoRoot, "data", "fashion-mnist"), limit: 256);
        using FashionNetwork network = trained.Network;

        network.training.Should().BeFalse();
        trained.EpochLosses.Should().ContainSingle().Which.Should().BeInRange(0, 10);
        trained.TestAccuracy.Should().BeInRange(0, 1);
    }

    [Test]
    public void A_picture_of_the_wrong_shape_is_an_ArgumentException_naming_the_shape_it_takes()
    {
        using var network = new FashionNetwork();
        FluentActions.Invoking(() => network.forward(torch.zeros(1, 3, 28, 28))).Should().Throw<ArgumentException>().WithMessage("*[N, 1, 28, 28]*");
    }
}
