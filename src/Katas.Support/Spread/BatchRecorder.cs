using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Spread;

/// <summary>
/// Records a batch of runs that descend together, shape [R, N, D], at the start, every
/// <c>recordEvery</c> iterations and at the end, follows the batch when only some runs are kept, and turns
/// one of the runs into a <see cref="SpreadRun"/> for figures. The copies live outside any DisposeScope and
/// are freed by <see cref="Dispose"/>.
/// </summary>
public sealed class BatchRecorder : IDisposable
{
    private readonly int _recordEvery;
    private readonly int _lastIteration;
    private readonly List<(int Iteration, Tensor Batch)> _records = [];

    /// <summary>A recorder for a run of <paramref name="lastIteration"/> iterations, recording every <paramref name="recordEvery"/>.</summary>
    public BatchRecorder(int recordEvery, int lastIteration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(recordEvery, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(lastIteration);
        _recordEvery = recordEvery;
        _lastIteration = lastIteration;
    }

    /// <summary>Copies <paramref name="batch"/> ([R, N, D]) if <paramref name="iteration"/> steps is the start, a multiple of recordEvery, or the end.</summary>
    public void Record(int iteration, Tensor batch)
    {
        if (iteration == 0 || iteration == _lastIteration || iteration % _recordEvery == 0)
        {
            using (torch.no_grad())
            {
                _records.Add((iteration, batch.detach().clone().DetachFromDisposeScope()));
            }
        }
    }

    /// <summary>After the batch was cut down to the runs at <paramref name="indices"/> (a 1-D int64 tensor), cuts every record the same way.</summary>
    public void Keep(Tensor indices)
    {
        for (int i = 0; i < _records.Count; i++)
        {
            (int iteration, Tensor batch) = _records[i];
            _records[i] = (iteration, batch.index_select(0, indices).DetachFromDisposeScope());
            batch.Dispose();
        }
    }

    /// <summary>The recorded steps of run <paramref name="index"/> of the (current) batch, with their smallest angles computed in plain loops.</summary>
    public SpreadRun RunOf(long index)
    {
        var steps = new List<SpreadStep>(_records.Count);
        foreach ((int iteration, Tensor batch) in _records)
        {
            using var scope = torch.NewDisposeScope();
            double[][] vectors = SpreadGeometry.ToArrays(batch[index]);
            steps.Add(new SpreadStep(iteration, vectors, SpreadGeometry.MinimumAngle(vectors)));
        }

        return new SpreadRun(steps);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach ((_, Tensor batch) in _records)
        {
            batch.Dispose();
        }

        _records.Clear();
    }
}
