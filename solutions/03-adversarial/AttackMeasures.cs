using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Adversarial;

/// <summary>Task 4: how big an attack's change is, whether it worked, and whether it survives saving as an 8-bit PNG.</summary>
public static class AttackMeasures
{
    /// <summary>
    /// What saving as an 8-bit PNG does to pixels in [0, 1]: each value becomes the nearest of the 256 counts
    /// 0/255, 1/255, ..., 255/255 (rounded to the nearest count, not truncated; values outside [0, 1] clipped first).
    /// </summary>
    /// <param name="images">Any tensor of pixels.</param>
    /// <returns>A new tensor of the same shape and dtype.</returns>
    public static Tensor Quantise8Bit(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        using var scope = torch.NewDisposeScope();
        return images.detach().clamp(0, 1).mul(255).round().div(255).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Measures an attack on each image of a batch: success, the target's probability, the L∞ size in 0-255 counts,
    /// the L2 size, and the same success and probability after <see cref="Quantise8Bit"/>.
    /// </summary>
    /// <param name="model">The classifier (logits); it is frozen first.</param>
    /// <param name="original">The original batch [N, C, H, W].</param>
    /// <param name="adversarial">The attacked batch, same shape.</param>
    /// <param name="target">The class the attack aimed at.</param>
    /// <returns>One <see cref="AttackMetrics"/> per image, in batch order.</returns>
    /// <exception cref="ArgumentException">The batches differ in shape.</exception>
    public static AttackMetrics[] Measure(nn.Module<Tensor, Tensor> model, Tensor original, Tensor adversarial, long target)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(adversarial);
        if (!original.shape.SequenceEqual(adversarial.shape))
        {
            throw new ArgumentException(
                $"The adversarial batch [{string.Join(", ", adversarial.shape)}] differs in shape from the original [{string.Join(", ", original.shape)}].",
                nameof(adversarial));
        }

        InputGradient.Freeze(model);
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        long n = original.shape[0];
        Tensor change = (adversarial - original).reshape(n, -1).to(ScalarType.Float64);
        double[] linf = change.abs().amax([1]).mul(255).data<double>().ToArray();
        double[] l2 = change.square().sum(1).sqrt().data<double>().ToArray();
        (bool[] success, double[] confidence) = Verdict(model, adversarial, target);
        (bool[] pngSuccess, double[] pngConfidence) = Verdict(model, Quantise8Bit(adversarial), target);
        return Enumerable.Range(0, (int)n)
            .Select(i => new AttackMetrics(success[i], confidence[i], linf[i], l2[i], pngSuccess[i], pngConfidence[i]))
            .ToArray();
    }

    private static (bool[] Success, double[] Confidence) Verdict(nn.Module<Tensor, Tensor> model, Tensor images, long target)
    {
        Tensor probabilities = nn.functional.softmax(model.forward(images), 1).to(ScalarType.Float64);
        bool[] success = probabilities.argmax(1).eq(target).data<bool>().ToArray();
        double[] confidence = probabilities[TensorIndex.Colon, target].data<double>().ToArray();
        return (success, confidence);
    }
}
