using FluentAssertions;
using Katas.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Victims.Tests;

public sealed class VictimTrainingTests : KataTest
{
    private readonly List<TrainingProgress> reports = [];
    private TrainedPets smoke = null!;

    [OneTimeSetUp]
    public void TrainOnce() => smoke = VictimTraining.TrainPets(PetsTrainingSettings.Smoke, reports.Add);

    [OneTimeTearDown]
    public void DisposeNetwork() => smoke.Network.Dispose();

    [Test]
    public void A_smoke_run_goes_through_every_step_reports_progress_and_returns_a_network_in_eval_mode()
    {
        reports.Should().HaveCount(4, "64 pictures in batches of 16 make 4 steps");
        reports.Select(r => r.Step).Should().Equal(1, 2, 3, 4);
        reports.Should().OnlyContain(r => double.IsFinite(r.Loss) && r.Loss > 0);
        reports[^1].HeldOutAccuracy.Should().NotBeNull("the last step of an epoch measures the held-out pictures");
        reports.Take(3).Should().OnlyContain(r => r.HeldOutAccuracy == null);
        smoke.Epochs.Should().Equal(reports[^1]);
        smoke.HeldOutAccuracy.Should().BeInRange(0, 1);
        smoke.Network.training.Should().BeFalse("training hands back the network in eval mode");
    }

    [Test]
    public void Training_is_repeatable_from_its_seed()
    {
        TrainedPets again = VictimTraining.TrainPets(PetsTrainingSettings.Smoke);
        using PetsNetwork network = again.Network;

        again.Epochs[^1].Loss.Should().BeApproximately(smoke.Epochs[^1].Loss, 1e-6, "the same seed and thread count give the same run");
        foreach (var ((name, expected), (_, actual)) in smoke.Network.named_parameters().Zip(network.named_parameters()))
        {
            actual.allclose(expected, rtol: 1e-5, atol: 1e-6).Should().BeTrue($"parameter {name} should be the same after two runs with one seed");
        }
    }

    [Test]
    public void Saved_weights_load_into_a_fresh_network_with_the_same_outputs()
    {
        string file = Path.Combine(Directory.CreateTempSubdirectory("katas-weights").FullName, "pets.bin");
        try
        {
            smoke.Network.save(file);
            using var victim = Victim.LoadPets(file);
            using LabelledImages pictures = PetPictures.Generate(seed: 3, firstIndex: 3_000_000, count: 4);
            using Tensor expected = smoke.Network.forward(pictures.Images);

            using Tensor actual = victim.Logits(pictures.Images);

            TensorAssert.Close(actual, TensorAssert.ToDoubles(expected), [4, 2], "logits after save and load", rtol: 1e-6, atol: 1e-6);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }

    [Test]
    public void Training_leaves_no_tensors_behind_but_what_a_disposed_network_leaves()
    {
        // TorchSharp itself leaves a few tensors of a disposed module alive; measure that first.
        long before = LiveTensors();
        new PetsNetwork().Dispose();
        long networkResidue = LiveTensors() - before;

        before = LiveTensors();
        VictimTraining.TrainPets(PetsTrainingSettings.Smoke with { Pictures = 32, HeldOutPictures = 8 }).Network.Dispose();
        long afterOneEpoch = LiveTensors() - before;
        before = LiveTensors();
        VictimTraining.TrainPets(PetsTrainingSettings.Smoke with { Pictures = 32, HeldOutPictures = 8, Epochs = 3 }).Network.Dispose();
        long afterThreeEpochs = LiveTensors() - before;

        afterOneEpoch.Should().BeLessThanOrEqualTo(networkResidue, "the pictures, the optimizer state and every step's tensors must be freed (DisposeScope per step)");
        afterThreeEpochs.Should().Be(afterOneEpoch, "more steps must not leave more tensors alive");
    }

    [Test]
    public void Bad_settings_are_named()
    {
        FluentActions.Invoking(() => VictimTraining.TrainPets(PetsTrainingSettings.Smoke with { Pictures = 1 })).Should()
            .Throw<ArgumentOutOfRangeException>().WithParameterName("Pictures");
        FluentActions.Invoking(() => VictimTraining.TrainPets(PetsTrainingSettings.Smoke with { Epochs = 0 })).Should()
            .Throw<ArgumentOutOfRangeException>().WithParameterName("Epochs");
        FluentActions.Invoking(() => VictimTraining.TrainPets(PetsTrainingSettings.Smoke with { LearningRate = -1 })).Should()
            .Throw<ArgumentOutOfRangeException>().WithParameterName("LearningRate");
    }

    private static long LiveTensors()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return DisposeScopeManager.Statistics.ThreadTotalLiveCount;
    }
}
