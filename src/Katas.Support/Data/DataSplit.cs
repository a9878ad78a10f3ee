namespace Katas.Data;

/// <summary>Which part of an MNIST-style data set: the training images or the test images.</summary>
public enum DataSplit
{
    /// <summary>The training split (train-images-idx3-ubyte, train-labels-idx1-ubyte).</summary>
    Train,

    /// <summary>The test split (t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte).</summary>
    Test,
}
