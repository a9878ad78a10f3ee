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
        throw new NotImplementedException(
            "Kata 03, task 4 (AttackMeasures.Quantise8Bit) is not implemented yet: see katas/03-adversarial/README.md, task 4.");
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
        throw new NotImplementedException(
            "Kata 03, task 4 (AttackMeasures.Measure) is not implemented yet: see katas/03-adversarial/README.md, task 4.");
    }
}
