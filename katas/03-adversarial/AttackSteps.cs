using static TorchSharp.torch;

namespace Katas.Adversarial;

/// <summary>
/// Given: what the article's iterative attack (task 2) returns, the article's table in tensors.
/// <c>Images[0]</c> is a copy of the original batch and <c>Images[k]</c> the batch after step k; <c>Probabilities[k]</c>
/// holds the classifier's softmax output [N, classes] for <c>Images[k]</c>.
/// </summary>
/// <param name="Images">Steps + 1 batches [N, C, H, W], pixels in [0, 1]: the original, then one per step.</param>
/// <param name="Probabilities">Steps + 1 tensors [N, classes], each row summing to 1.</param>
public sealed record AttackSteps(IReadOnlyList<Tensor> Images, IReadOnlyList<Tensor> Probabilities)
{
    /// <summary>How many steps were taken (one less than the number of images).</summary>
    public int Steps => Images.Count - 1;

    /// <summary>The last images: the adversarial examples.</summary>
    public Tensor Final => Images[^1];
}
