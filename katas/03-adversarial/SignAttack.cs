using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Adversarial;

/// <summary>
/// Task 2: the article's attack. Each step moves every channel of every pixel by exactly one step against the sign of
/// the gradient of the article's loss (<see cref="InputGradient.ProbabilityGap"/>), then clips to [0, 1].
/// </summary>
public static class SignAttack
{
    /// <summary>The article's step: one count of an 8-bit picture.</summary>
    public const double ArticleStep = 1.0 / 255;

    /// <summary>
    /// Runs <paramref name="steps"/> steps of the article's attack toward <paramref name="target"/> on a batch.
    /// </summary>
    /// <param name="model">The classifier (logits); it is frozen first.</param>
    /// <param name="images">A batch [N, C, H, W] with pixels in [0, 1]; left unchanged.</param>
    /// <param name="target">The class every picture should become.</param>
    /// <param name="steps">How many steps, 0 or more (the article: 4).</param>
    /// <param name="stepSize">How far each step moves each value, in [0, 1] units; null for the article's <see cref="ArticleStep"/>, 1/255.</param>
    /// <returns>Every image, the original first, and the probabilities of each.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="steps"/> negative or <paramref name="stepSize"/> not above 0.</exception>
    public static AttackSteps Run(nn.Module<Tensor, Tensor> model, Tensor images, long target, int steps = 4, double? stepSize = null)
    {
        throw new NotImplementedException(
            "Kata 03, task 2 (SignAttack.Run) is not implemented yet: see katas/03-adversarial/README.md, task 2.");
    }
}
