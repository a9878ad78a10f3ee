using Katas.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Dense.Tests;

/// <summary>
/// Checks an Evaluate (from scratch or built in) on the 2,000 training images of the subset, with labels made from the
/// network's own predictions (every fifth one moved to another class), so the accuracy is known to be 0.8 and any pairing of
/// images with the wrong labels shows, wherever in the data it happens.
/// </summary>
internal static class EvaluationCheck
{
    /// <summary>
    /// Fails unless <paramref name="evaluate"/> gives 0.8 on <see cref="Oracle.TrainImages"/> with labels that are the argmax of
    /// <paramref name="probabilities"/> (the oracle's forward pass of the same network) except at every fifth image.
    /// </summary>
    /// <param name="probabilities">The oracle's forward pass of the network, per image.</param>
    /// <param name="evaluate">The learner's Evaluate.</param>
    /// <param name="what">Its name, for messages.</param>
    /// <param name="forward">The learner's own forward pass of the same network, when it is the learner's (task 1): a forward pass that
    /// predicts other classes than the oracle's is the cause to name, not Evaluate.</param>
    public static void AssertEveryImageMeetsItsOwnLabel(double[][] probabilities, Func<Tensor, Tensor, double> evaluate, string what,
        Func<Tensor, Tensor>? forward = null)
    {
        long[] predicted = probabilities.Select(p => (long)Array.IndexOf(p, p.Max())).ToArray();
        // A float32 forward pass may pick the other class where two are within rounding of each other: those images don't count.
        int ties = probabilities.Count(p => p.OrderDescending().Take(2).Aggregate((a, b) => a - b) < 1e-4);
        Assert.That(predicted.Distinct().Count(), Is.GreaterThan(3), "(The test itself: its network should predict several classes.)");
        long[] labels = predicted.Select((c, i) => i % 5 == 4 ? (c + 1) % 10 : c).ToArray();
        using Tensor y = torch.tensor(labels);
        Tensor x = Oracle.TrainImages;
        double all = LearnerCode.Run(() => evaluate(x, y), what + " on 2,000 images");
        double first = LearnerCode.Run(() => evaluate(x.narrow(0, 0, 1000), y.narrow(0, 0, 1000)), what + " on the first 1,000");
        double allowed = (ties + 0.5) / labels.Length;
        if (forward is not null && Math.Abs(all - 0.8) > allowed && WrongForward(forward, x, predicted, ties) is { } task1)
        {
            Assert.Fail(task1);
        }

        Assert.That(all, Is.EqualTo(0.8).Within(allowed),
            $"The labels are the network's own predictions except at every fifth image, so the accuracy on all 2,000 images is 0.8; yours is {all:G6}. " +
            (Math.Abs(first - 0.8) <= (ties + 0.5) / 1000.0
                ? $"On the first 1,000 images alone yours is right ({first:G6}): the images after the first chunk are compared with the wrong labels. " +
                  "Cut the labels with the same start and length as the images (narrow(0, start, size) on both)."
                : "Compare argmax(dim 1) of the output with each image's own label, and divide the count by the number of images."));

        // 1,500 images, the last 500 all labelled wrong: 800 right of 1,500. Chunks of unequal size (1,000 and 500, or any size that
        // does not divide 1,500) must be counted, not averaged: the mean of the chunks' accuracies weighs a short chunk like a full one.
        long[] lastWrong = labels.Take(1500).Select((c, i) => i >= 1000 ? (predicted[i] + 1) % 10 : c).ToArray();
        using Tensor y1500 = torch.tensor(lastWrong);
        double part = LearnerCode.Run(() => evaluate(x.narrow(0, 0, 1500), y1500), what + " on 1,500 images");
        double expected = 800.0 / 1500;
        Assert.That(part, Is.EqualTo(expected).Within(allowed * 2000 / 1500),
            $"On 1,500 images whose last 500 are all labelled wrong, 800 are right: the accuracy is 800/1500 = {expected:G4}; yours is {part:G4}. " +
            (Math.Abs(part - 0.4) < 0.01
                ? "That is the mean of two chunks' accuracies (0.8 on the first 1,000 and 0 on the last 500): it weighs the short last chunk like a full " +
                  "one. Count the images classified right over all chunks and divide by the number of images."
                : "Count the images whose most probable class is their label, over every chunk, and divide by the number of images."));
    }

    /// <summary>
    /// Evaluate counts what the learner's own forward pass predicts: when that predicts another class than the formula
    /// (<paramref name="predicted"/>, the oracle's) for more than <paramref name="ties"/> of <paramref name="images"/>, task 1 is the
    /// cause to name. Null when it agrees.
    /// </summary>
    public static string? WrongForward(Func<Tensor, Tensor> forward, Tensor images, long[] predicted, int ties)
    {
        long[] yours = Oracle.Longs(LearnerCode.Run(() =>
        {
            using var noGrad = torch.no_grad();
            return forward(images).argmax(1);
        }, "the network's Forward"));
        int differ = yours.Zip(predicted).Count(pair => pair.First != pair.Second);
        return differ <= ties
            ? null
            : $"Your network's own forward pass predicts another class than relu(x·W + b), then softmax(x·W + b), for {differ} of {predicted.Length} " +
              "images, so no Evaluate can count them right: fix task 1 first (NaiveDense.Forward, NaiveSequential.Forward: ./kata check 05 --task 1 says how).";
    }
}
