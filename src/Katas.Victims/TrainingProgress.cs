namespace Katas.Victims;

/// <summary>Where a training run is: reported after every step and at the end of every epoch.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="Epochs">Epochs in the run.</param>
/// <param name="Step">1-based step within the epoch.</param>
/// <param name="Steps">Steps per epoch.</param>
/// <param name="Loss">Mean cross-entropy of the epoch's steps so far.</param>
/// <param name="TrainingAccuracy">Fraction of the epoch's pictures so far classified right (in training mode, dropout on).</param>
/// <param name="HeldOutAccuracy">At the end of an epoch, the accuracy on held-out pictures (eval mode); otherwise null.</param>
/// <param name="Elapsed">Time since training started (picture generation included).</param>
public sealed record TrainingProgress(int Epoch, int Epochs, int Step, int Steps, double Loss, double TrainingAccuracy, double? HeldOutAccuracy, TimeSpan Elapsed)
{
    /// <summary>True for the report that closes an epoch.</summary>
    public bool EndOfEpoch => HeldOutAccuracy is not null || Step == Steps;

    /// <inheritdoc />
    public override string ToString() =>
        $"epoch {Epoch}/{Epochs} step {Step}/{Steps}: loss {Loss:F4}, training accuracy {TrainingAccuracy:P1}" +
        (HeldOutAccuracy is { } heldOut ? $", held-out accuracy {heldOut:P1}" : string.Empty) + $" ({Elapsed.TotalSeconds:F0} s)";
}
