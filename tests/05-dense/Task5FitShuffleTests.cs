using Katas.Testing;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Katas.Dense.Tests;

/// <summary>
/// Task 5: BuiltInNetwork.Fit passes its shuffle generator on. Checked against the learner's own Fit without one, from the
/// same weights: RMSprop's steps on other batches end elsewhere.
/// </summary>
[KataTask(5)]
public sealed class Task5FitShuffleTests : KataTest
{
    [Test]
    public void Fit_with_a_shuffle_generator_takes_its_steps_in_a_shuffled_order()
    {
        using Tensor x = Oracle.TrainImages.narrow(0, 0, 32);
        using Tensor y = Oracle.TrainLabels.narrow(0, 0, 32);
        // The book's network from one fixed start (not your Build: task 5's own tests judge that), trained twice.
        Sequential inOrder = Task5BuiltInTests.SameStart();
        Sequential shuffled = Task5BuiltInTests.SameStart();
        LearnerCode.Run(() => BuiltInNetwork.Fit(inOrder, x, y, epochs: 1, batchSize: 8), "BuiltInNetwork.Fit (no shuffle)");
        LearnerCode.Run(() => BuiltInNetwork.Fit(shuffled, x, y, epochs: 1, batchSize: 8, shuffle: new Generator(1)), "BuiltInNetwork.Fit (shuffled)");
        double gap = Oracle.LargestDifference(Task5BuiltInTests.Flat(inOrder), Task5BuiltInTests.Flat(shuffled));
        Assert.That(gap, Is.GreaterThan(1e-9),
            "BuiltInNetwork.Fit with shuffle: new Generator(1) trained the network exactly as Fit without a shuffle generator, from the same " +
            "weights (32 images in batches of 8): the shuffle argument is ignored. Pass it on to each epoch's " +
            "BatchGenerator(images, labels, batchSize, shuffle).");
    }
}
