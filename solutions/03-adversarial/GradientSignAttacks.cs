using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Adversarial;

/// <summary>
/// Task 3: the general form of the article's attack, untargeted: push each picture AWAY from its true class by
/// climbing the cross-entropy of its true label. FGSM takes one step of ε; PGD takes several smaller steps and
/// projects back onto the L∞ ball of radius ε around the original (and onto [0, 1]) after each.
/// </summary>
public static class GradientSignAttacks
{
    /// <summary>
    /// The fast gradient sign method: images + ε·sign(∂CE/∂images), clipped to [0, 1], where CE is the cross-entropy
    /// of the logits against the true <paramref name="labels"/>.
    /// </summary>
    /// <param name="model">The classifier (logits); it is frozen first.</param>
    /// <param name="images">A batch [N, C, H, W] in [0, 1]; left unchanged.</param>
    /// <param name="labels">The true class of each image, int64 [N].</param>
    /// <param name="epsilon">The size of the step, in [0, 1] units (8/255 is common).</param>
    /// <returns>The adversarial batch, same shape and dtype.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epsilon"/> negative.</exception>
    public static Tensor Fgsm(nn.Module<Tensor, Tensor> model, Tensor images, Tensor labels, double epsilon)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfNegative(epsilon);
        using var scope = torch.NewDisposeScope();
        Tensor gradient = CrossEntropyGradient(model, images, labels);
        return (images.detach() + (gradient.sign() * epsilon)).clamp(0, 1).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Projected gradient descent (Madry et al.), here ascent on the cross-entropy: from the original (or, with
    /// <paramref name="randomStart"/>, from a uniformly random point of the ε-ball around it, clipped to [0, 1]),
    /// <paramref name="steps"/> times: move by <paramref name="stepSize"/>·sign(∂CE/∂x), then project onto the L∞ ball
    /// of radius <paramref name="epsilon"/> around the original and onto [0, 1].
    /// </summary>
    /// <param name="model">The classifier (logits); it is frozen first.</param>
    /// <param name="images">A batch [N, C, H, W] in [0, 1]; left unchanged.</param>
    /// <param name="labels">The true class of each image, int64 [N].</param>
    /// <param name="epsilon">The radius of the L∞ ball, in [0, 1] units.</param>
    /// <param name="stepSize">The size of each step (α), in [0, 1] units.</param>
    /// <param name="steps">How many steps, 0 or more.</param>
    /// <param name="randomStart">Draws the random start (uniform in [−ε, ε] per value); null starts at the original.</param>
    /// <returns>The adversarial batch, same shape and dtype, never farther than ε from the original in any value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A negative ε, step size or number of steps.</exception>
    public static Tensor Pgd(nn.Module<Tensor, Tensor> model, Tensor images, Tensor labels, double epsilon, double stepSize, int steps,
        Generator? randomStart = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfNegative(epsilon);
        ArgumentOutOfRangeException.ThrowIfNegative(stepSize);
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        Tensor original = images.detach();
        Tensor lower = (original - epsilon).clamp_min(0);
        Tensor upper = (original + epsilon).clamp_max(1);
        Tensor x = original.clone();
        if (randomStart is not null)
        {
            using Tensor noise = torch.empty_like(original).uniform_(-epsilon, epsilon, randomStart);
            x.add_(noise).clamp_(0, 1);
        }

        for (int step = 0; step < steps; step++)
        {
            using var scope = torch.NewDisposeScope();
            Tensor gradient = CrossEntropyGradient(model, x, labels);
            using (torch.no_grad())
            {
                x.add_(gradient.sign() * stepSize);
                x.copy_(torch.minimum(torch.maximum(x, lower), upper));
            }
        }

        lower.Dispose();
        upper.Dispose();
        return x;
    }

    private static Tensor CrossEntropyGradient(nn.Module<Tensor, Tensor> model, Tensor images, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        // Summed, not averaged: each image's gradient is then its own loss's, whatever the batch size.
        return InputGradient.Of(model, images, logits => nn.functional.cross_entropy(logits, labels, reduction: nn.Reduction.Sum));
    }
}
