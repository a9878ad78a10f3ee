using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Adversarial;

/// <summary>
/// Task 1: the gradient of a classifier's output with respect to its INPUT, the picture, with the classifier
/// frozen: gradient descent on the picture instead of on the weights.
/// </summary>
public static class InputGradient
{
    /// <summary>
    /// Freezes <paramref name="model"/> for an attack: eval mode (dropout off, batch norm on its running statistics)
    /// and requires_grad off on every parameter, so that backward() leaves nothing on the model. It stays frozen.
    /// </summary>
    /// <param name="model">Any classifier.</param>
    public static void Freeze(nn.Module model)
    {
        throw new NotImplementedException(
            "Kata 03, task 1 (InputGradient.Freeze) is not implemented yet: see katas/03-adversarial/README.md, task 1.");
    }

    /// <summary>
    /// The score of class <paramref name="cls"/>: its logit, summed over the batch (each image's gradient then is the
    /// gradient of its own logit, as images don't mix in eval mode).
    /// </summary>
    /// <param name="logits">The classifier's output [N, classes].</param>
    /// <param name="cls">A class index, 0 to classes - 1.</param>
    /// <returns>A scalar tensor.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cls"/> is not a class of <paramref name="logits"/>.</exception>
    public static Tensor ClassScore(Tensor logits, long cls)
    {
        throw new NotImplementedException(
            "Kata 03, task 1 (InputGradient.ClassScore) is not implemented yet: see katas/03-adversarial/README.md, task 1.");
    }

    /// <summary>
    /// The article's loss toward <paramref name="target"/>: the probability of every other class minus the probability of
    /// the target (p_cat − p_dog to make a cat a dog), summed over the batch. Descending on it raises the target.
    /// </summary>
    /// <param name="logits">The classifier's output [N, classes] (logits: take the softmax first).</param>
    /// <param name="target">The class the picture should become.</param>
    /// <returns>A scalar tensor.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="target"/> is not a class of <paramref name="logits"/>.</exception>
    public static Tensor ProbabilityGap(Tensor logits, long target)
    {
        throw new NotImplementedException(
            "Kata 03, task 1 (InputGradient.ProbabilityGap) is not implemented yet: see katas/03-adversarial/README.md, task 1.");
    }

    /// <summary>
    /// ∂loss/∂images: freezes <paramref name="model"/> (<see cref="Freeze"/>), differentiates
    /// <paramref name="loss"/>(model(images)) with respect to a copy of <paramref name="images"/> and returns that copy's gradient.
    /// The caller's images are left as they were (not modified, not requiring grad).
    /// </summary>
    /// <param name="model">A classifier whose forward gives logits [N, classes].</param>
    /// <param name="images">A batch [N, C, H, W] that does not require grad.</param>
    /// <param name="loss">Maps the logits to a scalar, e.g. <c>logits =&gt; ProbabilityGap(logits, 1)</c>.</param>
    /// <returns>A tensor of the shape and dtype of <paramref name="images"/>, not requiring grad.</returns>
    public static Tensor Of(nn.Module<Tensor, Tensor> model, Tensor images, Func<Tensor, Tensor> loss)
    {
        throw new NotImplementedException(
            "Kata 03, task 1 (InputGradient.Of) is not implemented yet: see katas/03-adversarial/README.md, task 1.");
    }
}
