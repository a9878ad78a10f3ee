using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Dense;

/// <summary>Task 3: the loss the book trains with.</summary>
public static class Loss
{
    /// <summary>
    /// Sparse categorical cross-entropy, averaged over the batch: the mean of −log p[i, labels[i]], with each
    /// probability first clipped to at least 1e-7 (BookSettings.ProbabilityFloor, as Keras does) so a zero
    /// probability gives a large finite loss instead of infinity.
    /// </summary>
    /// <param name="probabilities">Each row a distribution over the classes, [n, classes] (a softmax output).</param>
    /// <param name="labels">The true class of each row, int64 [n].</param>
    /// <returns>A scalar tensor that keeps the autograd graph.</returns>
    public static Tensor SparseCategoricalCrossEntropy(Tensor probabilities, Tensor labels)
    {
        throw new NotImplementedException(
            "Kata 05, task 3 (Loss.SparseCategoricalCrossEntropy) is not implemented yet: see katas/05-dense/README.md, task 3.");
    }
}
