using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Katas.Dense.Kit;

/// <summary>
/// The start every timed epoch of `katas bench dense` trains from: the built-in network's initial weights (drawn once, after
/// torch.manual_seed(<see cref="Seed"/>), and handed to PyTorch too) and the from-scratch network's generator seed. Each
/// epoch builds a fresh network from it, so every repeat does the same work.
/// </summary>
public sealed class DenseStart : IDisposable
{
    /// <summary>Seeds the built-in network's initial weights and the from-scratch network's generator.</summary>
    public const int Seed = 1;

    private readonly Sequential _initial;

    private DenseStart(Sequential initial) => _initial = initial;

    /// <summary>The built-in network's initial parameters by name (hidden.weight, hidden.bias, output.weight, output.bias).</summary>
    public IEnumerable<(string Name, Tensor Value)> InitialParameters => _initial.named_parameters().Select(p => (p.name, (Tensor)p.parameter));

    /// <summary>Draws the built-in network's initial weights with the learner's BuiltInNetwork.Build.</summary>
    public static DenseStart Draw()
    {
        torch.manual_seed(Seed);
        return new DenseStart(BuiltInNetwork.Build());
    }

    /// <summary>One epoch of a fresh built-in network from the initial weights with RMSprop (BookSettings), in the kit's loop.</summary>
    public TimedEpoch TrainBuiltIn(DenseEpoch epoch, Tensor order)
    {
        ArgumentNullException.ThrowIfNull(epoch);
        using Sequential model = Fresh();
        using var optimizer = torch.optim.RMSProp(model.parameters(), BookSettings.RmsPropLearningRate, BookSettings.RmsPropAlpha, BookSettings.RmsPropEpsilon);
        return epoch.TrainBuiltIn(model, optimizer, order);
    }

    /// <summary>One epoch of a fresh from-scratch network (NaiveSequential.BookNetwork from Generator(<see cref="Seed"/>)) with SGD, in the kit's loop.</summary>
    public static TimedEpoch TrainFromScratch(DenseEpoch epoch, Tensor order)
    {
        ArgumentNullException.ThrowIfNull(epoch);
        NaiveSequential model = NaiveSequential.BookNetwork(new Generator(Seed));
        try
        {
            return epoch.TrainFromScratch(model, BookSettings.FromScratchLearningRate, order);
        }
        finally
        {
            foreach (Tensor weight in model.Weights)
            {
                weight.Dispose();
            }
        }
    }

    /// <summary>
    /// One epoch of the built-in network as the learner's BuiltInNetwork.Fit runs it (its BatchGenerator, a loss read back
    /// per batch, its Evaluate), from the same weights and in the same order: what the kit's loop saves.
    /// </summary>
    public TimedEpoch FitAsWritten(DenseData data, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(data);
        using Sequential model = Fresh();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        double cpu = Katas.Kits.ThreadClock.Seconds();
        TrainingHistory history = BuiltInNetwork.Fit(model, data.TrainImages, data.TrainLabels, 1, batchSize, new Generator(DenseBench.ShuffleSeed));
        return new TimedEpoch(clock.Elapsed.TotalSeconds, Katas.Kits.ThreadClock.Seconds() - cpu, default, history.Last.Loss, history.Last.Accuracy);
    }

    /// <inheritdoc />
    public void Dispose() => _initial.Dispose();

    private Sequential Fresh()
    {
        Sequential model = BuiltInNetwork.Build();
        using (torch.no_grad())
        {
            foreach (((string _, Parameter target), (string _, Parameter source)) in model.named_parameters().Zip(_initial.named_parameters()))
            {
                target.copy_(source);
            }
        }

        return model;
    }
}
