using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Dense;

/// <summary>Task 3: one step of training by hand, as in the book's one_training_step.</summary>
public static class TrainingStep
{
    /// <summary>
    /// Runs the network forward on one batch, takes the mean sparse categorical cross-entropy, lets autograd
    /// compute the gradients (backward()), and updates every weight in place by hand, w ← w − rate · ∂loss/∂w,
    /// under torch.no_grad(); then resets the gradients. No optimizer object, no nn layers.
    /// </summary>
    /// <param name="model">The network; its weights change in place.</param>
    /// <param name="images">The batch, [m, 784].</param>
    /// <param name="labels">Its labels, int64 [m].</param>
    /// <param name="learningRate">The step size.</param>
    /// <returns>The batch's mean loss before the update.</returns>
    public static double Take(NaiveSequential model, Tensor images, Tensor labels, double learningRate)
    {
        throw new NotImplementedException(
            "Kata 05, task 3 (TrainingStep.Take) is not implemented yet: see katas/05-dense/README.md, task 3.");
    }
}
