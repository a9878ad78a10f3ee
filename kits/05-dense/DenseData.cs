using Katas.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Dense.Kit;

/// <summary>Fashion-MNIST ready for kata 05's networks: flattened, scaled images and int64 labels, with where they came from.</summary>
public sealed class DenseData : IDisposable
{
    private DenseData(ImageDataset train, ImageDataset test)
    {
        Train = train;
        Test = test;
        TrainImages = Flatten(train);
        TrainLabels = train.LabelsAsLong().DetachFromDisposeScope();
        TestImages = Flatten(test);
        TestLabels = test.LabelsAsLong().DetachFromDisposeScope();
    }

    /// <summary>The training split as loaded.</summary>
    public ImageDataset Train { get; }

    /// <summary>The test split as loaded.</summary>
    public ImageDataset Test { get; }

    /// <summary>Training images, float32 [n, 784] in [0, 1] (made by the implementation's Preprocessing.Flatten).</summary>
    public Tensor TrainImages { get; }

    /// <summary>Training labels, int64 [n].</summary>
    public Tensor TrainLabels { get; }

    /// <summary>Test images, float32 [m, 784] in [0, 1].</summary>
    public Tensor TestImages { get; }

    /// <summary>Test labels, int64 [m].</summary>
    public Tensor TestLabels { get; }

    /// <summary>Whether both splits are the full published ones (60,000 + 10,000), not the shipped subset.</summary>
    public bool IsFullSet => Train.Source.IsFullSet && Test.Source.IsFullSet;

    /// <summary>
    /// Loads Fashion-MNIST from <paramref name="directory"/>, or where the loader looks by default (the shipped
    /// subset in data/fashion-mnist first), optionally only the first images of each split.
    /// </summary>
    /// <exception cref="DatasetNotFoundException">The files are not there (the message lists where it looked).</exception>
    /// <exception cref="DataFormatException">A file is malformed.</exception>
    public static DenseData Load(string? directory = null, int? trainLimit = null, int? testLimit = null) =>
        new(FashionMnist.Load(DataSplit.Train, directory, trainLimit), FashionMnist.Load(DataSplit.Test, directory, testLimit));

    /// <summary>A split's images through the implementation's Preprocessing.Flatten, its intermediate tensors (the bytes, a reshaped view) freed.</summary>
    private static Tensor Flatten(ImageDataset split)
    {
        using var scope = torch.NewDisposeScope();
        return Preprocessing.Flatten(split.ImagesAsBytes()).DetachFromDisposeScope();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        TrainImages.Dispose();
        TrainLabels.Dispose();
        TestImages.Dispose();
        TestLabels.Dispose();
    }
}
