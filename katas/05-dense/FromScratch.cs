using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Dense;

/// <summary>Task 4: training and evaluating the network built by hand, as in the book's fit and its accuracy check.</summary>
public static class FromScratch
{
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
        throw new NotImplementedException(
            "Kata 05, task 4 (FromScratch.Fit) is not implemented yet: see katas/05-dense/README.md, task 4.");
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
        throw new NotImplementedException(
            "Kata 05, task 4 (FromScratch.Evaluate) is not implemented yet: see katas/05-dense/README.md, task 4.");
    }
}
