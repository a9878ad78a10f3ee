namespace Katas.Victims;

/// <summary>
/// How the pets classifier is trained: which generated pictures, how long, how fast. <see cref="Committed"/>
/// is the recipe of the committed weights (Weights/pets.bin); <see cref="Smoke"/> a seconds-long run for tests.
/// </summary>
/// <param name="Seed">Seeds the pictures (indices 0 to Pictures - 1 of this seed), the initial weights, dropout and the shuffling.</param>
/// <param name="Pictures">Training pictures, half cats, half dogs.</param>
/// <param name="Epochs">Passes over the training pictures.</param>
/// <param name="BatchSize">Pictures per step; a last batch smaller than this is left out of the epoch (batch norm needs two or more).</param>
/// <param name="LearningRate">The optimizer's learning rate.</param>
/// <param name="SlowEpochs">The last epochs run at a tenth of the learning rate, to settle the weights (and batch norm's running statistics).</param>
/// <param name="Optimizer">RMSprop (the article's, with Keras' defaults rho 0.9 and epsilon 1e-7) or Adam.</param>
/// <param name="HeldOutPictures">Pictures from <see cref="HeldOutFirstIndex"/> on, to measure accuracy after each epoch (0 for none).</param>
/// <param name="Threads">TorchSharp's CPU threads; results differ slightly between thread counts. The committed weights were trained with 1,
/// so that the default run reproduces them to the bit on the same CPU (with 2 threads a run is faster but not identical).</param>
public sealed record PetsTrainingSettings(
    int Seed = PetsTrainingSettings.CommittedSeed,
    int Pictures = 8000,
    int Epochs = 6,
    int BatchSize = 16,
    double LearningRate = 1e-3,
    int SlowEpochs = 1,
    PetsOptimizer Optimizer = PetsOptimizer.RmsProp,
    int HeldOutPictures = 400,
    int Threads = 1)
{
    /// <summary>The seed of the committed weights.</summary>
    public const int CommittedSeed = 20240603;

    /// <summary>
    /// First index of held-out pictures: training uses indices 0 to Pictures - 1, far below this, so held-out
    /// pictures are never trained on (any seed).
    /// </summary>
    public const int HeldOutFirstIndex = 1_000_000;

    /// <summary>The recipe of the committed weights.</summary>
    public static PetsTrainingSettings Committed { get; } = new();

    /// <summary>A run of a few seconds that goes through every step of training (for tests and CI).</summary>
    public static PetsTrainingSettings Smoke { get; } = new(Pictures: 64, Epochs: 1, BatchSize: 16, SlowEpochs: 0, HeldOutPictures: 32, Threads: 1);

    /// <summary>Checks every value and names the first bad one.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Pictures, 2, nameof(Pictures));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(Pictures, HeldOutFirstIndex, nameof(Pictures));
        ArgumentOutOfRangeException.ThrowIfLessThan(Epochs, 1, nameof(Epochs));
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 2, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LearningRate, nameof(LearningRate));
        ArgumentOutOfRangeException.ThrowIfNegative(SlowEpochs, nameof(SlowEpochs));
        ArgumentOutOfRangeException.ThrowIfNegative(HeldOutPictures, nameof(HeldOutPictures));
        ArgumentOutOfRangeException.ThrowIfLessThan(Threads, 1, nameof(Threads));
    }
}
