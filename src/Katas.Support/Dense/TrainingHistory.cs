using System.Collections;

namespace Katas.Dense;

/// <summary>A training run's record: one <see cref="EpochResult"/> per epoch, in order.</summary>
public sealed class TrainingHistory : IReadOnlyList<EpochResult>
{
    private readonly List<EpochResult> _epochs = [];

    /// <summary>The number of epochs recorded.</summary>
    public int Count => _epochs.Count;

    /// <summary>The epoch at <paramref name="index"/> (0 is epoch 1).</summary>
    public EpochResult this[int index] => _epochs[index];

    /// <summary>The last epoch recorded.</summary>
    /// <exception cref="InvalidOperationException">Nothing was recorded.</exception>
    public EpochResult Last => _epochs.Count > 0 ? _epochs[^1] : throw new InvalidOperationException("The history is empty: no epoch was recorded.");

    /// <summary>Records the next epoch (numbered <see cref="Count"/> + 1) with its mean loss and accuracy.</summary>
    public void Add(double loss, double accuracy) => _epochs.Add(new EpochResult(_epochs.Count + 1, loss, accuracy));

    /// <inheritdoc />
    public IEnumerator<EpochResult> GetEnumerator() => _epochs.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
