using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Katas.Victims;

/// <summary>
/// The article's dogs-vs-cats network, channels first: three blocks of (conv 3x3 with 32, 64, 128 filters,
/// ReLU, batch norm, 2x2 max pool, dropout 0.25), then dense 512 with ReLU, batch norm, dropout 0.5, and
/// dense 2. One change: global average pooling replaces the flatten before the dense layer (the article's
/// flatten of 14 x 14 x 128 values would put 12.8 million weights there; pooling keeps the network at
/// 161,794 parameters, about 650 KB saved). The feature maps are kept channels last in memory (<see cref="ChannelsLast"/>:
/// faster on the CPU, same values).
/// <para>
/// Input: float32 [N, 3, 128, 128], pixels in [0, 1] (no normalisation outside the network: the first
/// batch norm standardises what the first convolution makes of them, as in the article).
/// Output of <see cref="forward"/>: LOGITS [N, 2] (index 0 = cat, 1 = dog); the article's softmax is
/// <see cref="Probabilities"/>.
/// </para>
/// </summary>
public sealed class PetsNetwork : Module<Tensor, Tensor>
{
    /// <summary>
    /// Batch-norm epsilon: Keras' 1e-3 (the article's framework), not PyTorch's 1e-5. It only matters for
    /// channels of tiny variance, where 1e-3 keeps the network smoother, as the article's was.
    /// </summary>
    public const double BatchNormEpsilon = 1e-3;

    /// <summary>
    /// Batch-norm momentum in PyTorch's sense (weight of the newest batch in the running statistics): 0.1,
    /// PyTorch's default. Keras' momentum 0.99 is PyTorch's 0.01, which needs thousands of steps to settle;
    /// our training is a few hundred steps long, so the running statistics would lag the weights.
    /// </summary>
    public const double BatchNormMomentum = 0.1;

    private readonly Sequential features;
    private readonly Sequential classifier;

    /// <summary>Builds the network with freshly initialised weights (seed TorchSharp's generator first for a repeatable start).</summary>
    public PetsNetwork()
        : base(nameof(PetsNetwork))
    {
        features = Sequential(
            ("layout", new ChannelsLast()),
            ConvBlock(1, 3, 32),
            ConvBlock(2, 32, 64),
            ConvBlock(3, 64, 128),
            ("pool", AdaptiveAvgPool2d(1)),
            ("flatten", Flatten()));
        classifier = Sequential(
            ("dense", Linear(128, 512)),
            ("relu", ReLU()),
            ("norm", BatchNorm1d(512, eps: BatchNormEpsilon, momentum: BatchNormMomentum)),
            ("dropout", Dropout(0.5)),
            ("output", Linear(512, 2)));
        RegisterComponents();
    }

    /// <summary>Logits [N, 2] of pictures [N, 3, H, W] (H = W = 128 for the trained weights), values in [0, 1].</summary>
    /// <exception cref="ArgumentException">The input is not a batch of 3-channel pictures.</exception>
    public override Tensor forward(Tensor images)
    {
        if (images.dim() != 4 || images.shape[1] != 3)
        {
            throw new ArgumentException(
                $"PetsNetwork takes a batch of pictures [N, 3, 128, 128] (channels first, values in [0, 1]); got [{string.Join(", ", images.shape)}]. " +
                "For one picture [3, 128, 128], add the batch dimension with unsqueeze(0).", nameof(images));
        }

        return classifier.forward(features.forward(images));
    }

    /// <summary>The article's output: softmax of the logits, [N, 2], each row (p_cat, p_dog) summing to 1.</summary>
    public Tensor Probabilities(Tensor images)
    {
        using Tensor logits = forward(images);
        return functional.softmax(logits, 1);
    }

    private static (string, Module<Tensor, Tensor>) ConvBlock(int block, int inputs, int filters) =>
        ($"block{block}", Sequential(
            ("conv", Conv2d(inputs, filters, 3)),
            ("relu", ReLU()),
            ("norm", BatchNorm2d(filters, eps: BatchNormEpsilon, momentum: BatchNormMomentum)),
            ("pool", MaxPool2d(2)),
            ("dropout", Dropout(0.25))));
}
