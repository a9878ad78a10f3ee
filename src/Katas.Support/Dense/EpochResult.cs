namespace Katas.Dense;

/// <summary>What one epoch of training ended with.</summary>
/// <param name="Epoch">The epoch, counted from 1.</param>
/// <param name="Loss">The mean loss over the epoch's training batches, weighted by batch size.</param>
/// <param name="Accuracy">The share of training images the network classifies correctly after the epoch, 0..1.</param>
public readonly record struct EpochResult(int Epoch, double Loss, double Accuracy);
