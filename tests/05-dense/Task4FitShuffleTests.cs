using Katas.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Dense.Tests;

/// <summary>
/// Task 4: FromScratch.Fit passes its shuffle generator on. Checked against the learner's own Fit without one: in batches
/// of one image the order of the steps decides where they end.
/// </summary>
[KataTask(4)]
public sealed class Task4FitShuffleTests : KataTest
{
    [Test]
    public void Fit_with_a_shuffle_generator_takes_its_steps_in_a_shuffled_order()
    {
        double[] inOrder = Trained(shuffle: null);
        // A correct shuffle keeps the data's order once in 720 draws of 6 images: with two seeds, never in practice.
        double[] gaps = [.. new ulong[] { 1, 2 }.Select(seed => Oracle.LargestDifference(Trained(new Generator(seed)), inOrder))];
        Assert.That(gaps.Max(), Is.GreaterThan(1e-9),
            "FromScratch.Fit with shuffle: new Generator(1), and again with new Generator(2), trained the network exactly as Fit without a " +
            "shuffle generator (batches of one image, so the order of the six steps decides where they end): the shuffle argument is " +
            "ignored. Pass it on to each epoch's BatchGenerator(images, labels, batchSize, shuffle).");
    }

    private static double[] Trained(Generator? shuffle)
    {
        (NaiveSequential model, Tensor x, Tensor y) = Task3TrainingStepTests.Tiny();
        LearnerCode.Run(() => FromScratch.Fit(model, x, y, epochs: 1, batchSize: 1, learningRate: 0.5, shuffle: shuffle),
            shuffle is null ? "FromScratch.Fit (no shuffle)" : "FromScratch.Fit (shuffled)");
        return Oracle.Read(model).Flat();
    }
}
