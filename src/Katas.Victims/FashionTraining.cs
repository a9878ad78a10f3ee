using System.Diagnostics;
using Katas.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Victims;

/// <summary>A trained Fashion-MNIST victim and how it did.</summary>
/// <param name="Network">The network, in eval mode.</param>
/// <param name="TestAccuracy">Its accuracy on the test split it was given.</param>
/// <param name="EpochLosses">The mean training loss of each epoch.</param>
/// <param name="Elapsed">Wall time.</param>
/// <param name="TrainingSource">Where the training pictures came from.</param>
public sealed record TrainedFashion(FashionNetwork Network, double TestAccuracy, IReadOnlyList<double> EpochLosses, TimeSpan Elapsed, string TrainingSource);

/// <summary>Trains the Fashion-MNIST victim: Adam 1e-3, batches of 64, reshuffled every epoch, seeded.</summary>
public static class FashionTraining
{
    /// <summary>The seed of the committed weights.</summary>
    public const int CommittedSeed = 20240605;

    /// <summary>The epochs of the committed weights.</summary>
    public const int CommittedEpochs = 8;

    /// <summary>The CPU threads of the committed run.</summary>
    public const int CommittedThreads = 2;

    /// <summary>
    /// Trains on the training split of <paramref name="directory"/> (default: the full set in /usr/share/datasets/fashion-mnist
    /// when installed, else the subset shipped in data/fashion-mnist), optionally only its first <paramref name="limit"/> pictures,
    /// and measures the accuracy on the test split. Sets TorchSharp's thread count and seed.
    /// </summary>
    public static TrainedFashion Train(int epochs = CommittedEpochs, int seed = CommittedSeed, int threads = CommittedThreads, string? directory = null, int? limit = null,
        Action<string>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        var clock = Stopwatch.StartNew();
        TorchRuntime.Initialise(threads, seed);
        string? folder = directory ?? (Directory.Exists(FashionMnist.DebianFolder) ? FashionMnist.DebianFolder : null);
        ImageDataset train = FashionMnist.Load(DataSplit.Train, folder, limit);
        ImageDataset test = FashionMnist.Load(DataSplit.Test, folder);
        using Tensor x = train.ImagesAsFloats().unsqueeze(1);
        using Tensor y = train.LabelsAsLong();
        var network = new FashionNetwork();
        using var optimizer = torch.optim.Adam(network.parameters(), lr: 1e-3);
        var shuffle = new Random(seed);
        const int batch = 64;
        var losses = new List<double>();
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            network.train();
            long[] order = Enumerable.Range(0, train.Count).Select(i => (long)i).ToArray();
            shuffle.Shuffle(order);
            double sum = 0;
            int steps = 0;
            for (int start = 0; start + batch <= train.Count; start += batch)
            {
                using var scope = NewDisposeScope();
                Tensor indices = torch.tensor(order.AsSpan(start, batch).ToArray());
                optimizer.zero_grad();
                Tensor loss = nn.functional.cross_entropy(network.forward(x.index_select(0, indices)), y.index_select(0, indices));
                loss.backward();
                optimizer.step();
                sum += loss.ToDouble();
                steps++;
            }

            losses.Add(sum / steps);
            progress?.Invoke($"epoch {epoch}/{epochs}: loss {sum / steps:0.0000} ({clock.Elapsed.TotalSeconds:0} s)");
        }

        network.eval();
        double accuracy = Accuracy(network, test);
        return new TrainedFashion(network, accuracy, losses, clock.Elapsed, train.Source.ToString() ?? "");
    }

    /// <summary>The share of <paramref name="test"/> that <paramref name="network"/> classifies right, in eval mode, without gradients.</summary>
    public static double Accuracy(nn.Module<Tensor, Tensor> network, ImageDataset test)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(test);
        bool wasTraining = network.training;
        network.eval();
        using var noGrad = torch.no_grad();
        using var scope = NewDisposeScope();
        Tensor x = test.ImagesAsFloats().unsqueeze(1);
        Tensor y = test.LabelsAsLong();
        long correct = 0;
        for (long start = 0; start < test.Count; start += 500)
        {
            long length = Math.Min(500, test.Count - start);
            correct += network.forward(x.narrow(0, start, length)).argmax(1).eq(y.narrow(0, start, length)).sum().ToInt64();
        }

        network.train(wasTraining);
        return (double)correct / test.Count;
    }
}
