using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Katas.Victims;

/// <summary>
/// The second victim: a small CNN for Fashion-MNIST, 28 x 28 x 1 = 784 inputs against the pets classifier's 49,152.
/// Two blocks of (conv 3x3, ReLU, 2x2 max pool) with 32 and 64 filters, dropout 0.25, dense 128 with ReLU, dropout 0.25,
/// dense 10: 225,034 parameters (about 900 KB saved). Input: float32 [N, 1, 28, 28] in [0, 1]; output: logits [N, 10] (the Fashion-MNIST
/// classes in their label order). The first convolution's maps are kept channels last in memory (<see cref="ChannelsLast"/>:
/// faster on the CPU, same values; a one-channel picture has no layout to choose).
/// </summary>
public sealed class FashionNetwork : Module<Tensor, Tensor>
{
    private readonly Sequential layers;

    /// <summary>Builds the network with freshly initialised weights (seed TorchSharp's generator first for a repeatable start).</summary>
    public FashionNetwork()
        : base(nameof(FashionNetwork))
    {
        layers = Sequential(
            ("conv1", Conv2d(1, 32, 3)),
            ("layout", new ChannelsLast()),
            ("relu1", ReLU()),
            ("pool1", MaxPool2d(2)),
            ("conv2", Conv2d(32, 64, 3)),
            ("relu2", ReLU()),
            ("pool2", MaxPool2d(2)),
            ("dropout1", Dropout(0.25)),
            ("flatten", Flatten()),
            ("dense", Linear(64 * 5 * 5, 128)),
            ("relu3", ReLU()),
            ("dropout2", Dropout(0.25)),
            ("output", Linear(128, 10)));
        RegisterComponents();
    }

    /// <summary>Logits [N, 10] of pictures [N, 1, 28, 28] in [0, 1].</summary>
    /// <exception cref="ArgumentException">The input is not a batch of 1 x 28 x 28 pictures.</exception>
    public override Tensor forward(Tensor images)
    {
        if (images.dim() != 4 || images.shape[1] != 1 || images.shape[2] != 28 || images.shape[3] != 28)
        {
            throw new ArgumentException(
                $"FashionNetwork takes a batch of pictures [N, 1, 28, 28] (values in [0, 1]); got [{string.Join(", ", images.shape)}].", nameof(images));
        }

        return layers.forward(images);
    }
}
