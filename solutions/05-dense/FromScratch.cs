using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Dense;

/// <summary>Task 4: training and evaluating the network built by hand, as in the book's fit and its accuracy check.</summary>
public static class FromScratch
{
    /// <summary>How many images Evaluate runs through the network at once (bounds the memory of 60,000 at a time).</summary>
    private const int EvaluationChunk = 1000;

    /// <summary>
    /// Trains <paramref name="model"/> for <paramref name="epochs"/> epochs: each epoch a new
    /// <see cref="BatchGenerator"/> (shuffled with <paramref name="shuffle"/> when given) and one
    /// <see cref="TrainingStep.Take"/> per batch. Records per epoch the mean batch loss weighted by batch size
    /// and the training accuracy after the epoch (<see cref="Evaluate"/> on the training data).
    /// </summary>
    /// <param name="model">The network; trained in place.</param>
    /// <param name="images">Training images, [n, 784].</param>
    /// <param name="labels">Their labels, int64 [n].</param>
    /// <param name="epochs">Passes over the data, 0 or more.</param>
    /// <param name="batchSize">Images per batch.</param>
    /// <param name="learningRate">The SGD step size.</param>
    /// <param name="shuffle">The generator for each epoch's order, or null to keep the data's order.</param>
    /// <param name="progress">Called after each epoch with its result (may be null).</param>
    public static TrainingHistory Fit(NaiveSequential model, Tensor images, Tensor labels, int epochs, int batchSize = BookSettings.BatchSize,
        double learningRate = BookSettings.FromScratchLearningRate, Generator? shuffle = null, Action<EpochResult>? progress = null)
    {
        var history = new TrainingHistory();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            var batches = new BatchGenerator(images, labels, batchSize, shuffle);
            double lossSum = 0;
            long seen = 0;
            for (int b = 0; b < batches.BatchCount; b++)
            {
                using var scope = torch.NewDisposeScope();
                (Tensor batchImages, Tensor batchLabels) = batches.Next();
                double loss = TrainingStep.Take(model, batchImages, batchLabels, learningRate);
                lossSum += loss * batchLabels.shape[0];
                seen += batchLabels.shape[0];
            }

            history.Add(lossSum / Math.Max(1, seen), Evaluate(model, images, labels));
            progress?.Invoke(history.Last);
        }

        return history;
    }

    /// <summary>
    /// The share of <paramref name="images"/> whose most probable class (argmax of the network's output) is
    /// their label, 0..1, computed under torch.no_grad() (evaluation records no graph).
    /// </summary>
    /// <param name="model">The network.</param>
    /// <param name="images">Images, [n, 784].</param>
    /// <param name="labels">Their labels, int64 [n].</param>
    public static double Evaluate(NaiveSequential model, Tensor images, Tensor labels)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        long count = images.shape[0];
        long correct = 0;
        for (long start = 0; start < count; start += EvaluationChunk)
        {
            long size = Math.Min(EvaluationChunk, count - start);
            Tensor predicted = model.Forward(images.narrow(0, start, size)).argmax(1);
            correct += predicted.eq(labels.narrow(0, start, size)).sum().ToInt64();
        }

        return count == 0 ? 0 : (double)correct / count;
    }
}
