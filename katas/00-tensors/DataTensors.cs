using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Tensors;

/// <summary>Task 1: the book's data tensors, their rank, shape and dtype.</summary>
public static class DataTensors
{
    /// <summary>
    /// A timeseries batch, rank 3 with shape [samples, timesteps, features] and dtype float32 (the book's
    /// stock prices: 250 days × 390 minutes × 3 prices). <paramref name="values"/> holds sample 0's
    /// timestep 0's features, then sample 0's timestep 1's, and so on: element [s, t, f] is
    /// values[(s·timesteps + t)·features + f].
    /// </summary>
    /// <param name="values">samples × timesteps × features values.</param>
    /// <param name="samples">The number of samples (axis 0).</param>
    /// <param name="timesteps">The number of timesteps (axis 1).</param>
    /// <param name="features">The number of features (axis 2).</param>
    /// <exception cref="ArgumentException">The number of values is not samples × timesteps × features; the message names both counts.</exception>
    public static Tensor Timeseries(float[] values, int samples, int timesteps, int features)
    {
        throw new NotImplementedException(
            "Kata 00, task 1 (DataTensors.Timeseries) is not implemented yet: see katas/00-tensors/README.md, task 1.");
    }

    /// <summary>
    /// Images as the book feeds them to a network: 8-bit pixels (dtype uint8, 0..255) become float32
    /// values in [0, 1] (pixel / 255), with the same shape, e.g. [samples, height, width, channels].
    /// </summary>
    /// <param name="images">A uint8 tensor of any shape.</param>
    public static Tensor ScaleImages(Tensor images)
    {
        throw new NotImplementedException(
            "Kata 00, task 1 (DataTensors.ScaleImages) is not implemented yet: see katas/00-tensors/README.md, task 1.");
    }

    /// <summary>
    /// Flattens every sample to a vector: [samples, d1, d2, ...] becomes [samples, d1·d2·...], row by
    /// row (the book's reshape of MNIST's [60000, 28, 28] to [60000, 784]).
    /// </summary>
    /// <param name="batch">A tensor of rank 2 or more; axis 0 is the samples axis.</param>
    public static Tensor FlattenSamples(Tensor batch)
    {
        throw new NotImplementedException(
            "Kata 00, task 1 (DataTensors.FlattenSamples) is not implemented yet: see katas/00-tensors/README.md, task 1.");
    }

    /// <summary>
    /// Batch number <paramref name="n"/> (from 0) of size <paramref name="batchSize"/> along the samples axis:
    /// samples n·batchSize up to (n+1)·batchSize (excluded), fewer for the last batch. Other axes unchanged.
    /// </summary>
    /// <param name="data">A tensor whose axis 0 is the samples axis.</param>
    /// <param name="batchSize">Samples per batch, at least 1.</param>
    /// <param name="n">The batch number, from 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">Batch <paramref name="n"/> starts past the last sample.</exception>
    public static Tensor Batch(Tensor data, int batchSize, int n)
    {
        throw new NotImplementedException(
            "Kata 00, task 1 (DataTensors.Batch) is not implemented yet: see katas/00-tensors/README.md, task 1.");
    }

    /// <summary>
    /// A video batch, rank 5 with shape [samples, frames, height, width, channels], from clips of the
    /// same shape [frames, height, width, channels]: clip i becomes sample i.
    /// </summary>
    /// <param name="clips">At least one clip; all of the same shape and dtype.</param>
    public static Tensor StackClips(IReadOnlyList<Tensor> clips)
    {
        throw new NotImplementedException(
            "Kata 00, task 1 (DataTensors.StackClips) is not implemented yet: see katas/00-tensors/README.md, task 1.");
    }
}
