namespace Katas.Victims;

/// <summary>The outcome of <see cref="VictimTraining.TrainPets(PetsTrainingSettings, Action{TrainingProgress}?)"/>: the network (in eval mode) and how it did.</summary>
/// <param name="Network">The trained network, in eval mode; the caller disposes it.</param>
/// <param name="Settings">The recipe it was trained with.</param>
/// <param name="HeldOutAccuracy">Accuracy on the held-out pictures after the last epoch (NaN when there were none).</param>
/// <param name="Epochs">The last report of every epoch.</param>
/// <param name="Elapsed">Wall-clock time of the whole run.</param>
public sealed record TrainedPets(PetsNetwork Network, PetsTrainingSettings Settings, double HeldOutAccuracy, IReadOnlyList<TrainingProgress> Epochs, TimeSpan Elapsed);
