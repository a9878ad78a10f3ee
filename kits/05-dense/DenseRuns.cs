using System.Diagnostics;
using Katas.Conventions;
using Katas.Kits;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Katas.Dense.Kit;

/// <summary>Which of kata 05's two networks.</summary>
public enum DenseNetwork
{
    /// <summary>NaiveDense layers, the hand-written training step and SGD (tasks 1-4).</summary>
    FromScratch,

    /// <summary>nn.Sequential with RMSprop (task 5).</summary>
    BuiltIn,
}

/// <summary>How the from-scratch network's weights start.</summary>
public enum FromScratchStart
{
    /// <summary>The book's: W uniform in [0, 0.1), b zero (NaiveDense as written in task 1).</summary>
    Book,

    /// <summary>The book's weights shifted down by 0.05, to [−0.05, 0.05): centred on zero, same spread.</summary>
    Centred,
}

/// <summary>A finished training run: the per-epoch record, the test accuracy, the time, and the test images' class probabilities.</summary>
/// <param name="Network">Which network.</param>
/// <param name="History">Loss and training accuracy per epoch.</param>
/// <param name="TestAccuracy">Accuracy on the test split.</param>
/// <param name="Seconds">Wall time of training and evaluation.</param>
/// <param name="FirstTestProbabilities">Class probabilities of the first <see cref="DenseRuns.GridImages"/> test images, [k, 10].</param>
public sealed record DenseRun(DenseNetwork Network, TrainingHistory History, double TestAccuracy, double Seconds, double[][] FirstTestProbabilities);

/// <summary>Kata 05's runs, made with the implementation under test: the book's two networks on Fashion-MNIST.</summary>
public static class DenseRuns
{
    /// <summary>The kata's folder name.</summary>
    public static readonly string Kata = KataMetadata.KataFolderOf(typeof(DenseRuns).Assembly);

    /// <summary>How many test images the prediction grid shows (the book shows ten).</summary>
    public const int GridImages = 10;

    /// <summary>The book's epochs for <paramref name="network"/>: 10 from scratch, 5 built in.</summary>
    public static int BookEpochs(DenseNetwork network) => network == DenseNetwork.FromScratch ? BookSettings.FromScratchEpochs : BookSettings.BuiltInEpochs;

    /// <summary>The name of <paramref name="network"/> in tables and legends.</summary>
    public static string Name(DenseNetwork network) => Name(network, FromScratchStart.Book, BookSettings.FromScratchLearningRate);

    /// <summary>The name of <paramref name="network"/>, with the from-scratch network's start and SGD rate.</summary>
    public static string Name(DenseNetwork network, FromScratchStart start, double learningRate) => network == DenseNetwork.FromScratch
        ? FormattableString.Invariant($"from scratch ({Choice.NameOf(start)} start, SGD {learningRate:G3})")
        : "built in (RMSprop)";

    /// <summary>
    /// Trains <paramref name="network"/> on <paramref name="data"/>'s training split and evaluates it on its test split.
    /// Seeded: the from-scratch weights come from Generator(seed), the built-in layers from torch.manual_seed(seed),
    /// and each epoch's shuffle from Generator(seed + 1).
    /// </summary>
    public static DenseRun Train(DenseNetwork network, DenseData data, int epochs, int batchSize, int seed, Action<EpochResult>? progress = null) =>
        Train(network, data, epochs, batchSize, seed, FromScratchStart.Book, BookSettings.FromScratchLearningRate, progress);

    /// <summary>
    /// As <see cref="Train(DenseNetwork, DenseData, int, int, int, Action{EpochResult}?)"/>, with the from-scratch network's
    /// start and learning rate chosen (the built-in network ignores both).
    /// </summary>
    public static DenseRun Train(DenseNetwork network, DenseData data, int epochs, int batchSize, int seed, FromScratchStart start, double learningRate,
        Action<EpochResult>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var shuffle = new Generator((ulong)seed + 1);
        if (network == DenseNetwork.FromScratch)
        {
            NaiveSequential model = NaiveSequential.BookNetwork(new Generator((ulong)seed));
            if (start == FromScratchStart.Centred)
            {
                Centre(model);
            }

            TrainingHistory history = FromScratch.Fit(model, data.TrainImages, data.TrainLabels, epochs, batchSize, learningRate, shuffle, progress);
            double accuracy = FromScratch.Evaluate(model, data.TestImages, data.TestLabels);
            double seconds = clock.Elapsed.TotalSeconds;
            return new DenseRun(network, history, accuracy, seconds, Probabilities(images => model.Forward(images), data));
        }

        torch.manual_seed(seed);
        using Sequential builtIn = BuiltInNetwork.Build();
        TrainingHistory builtInHistory = BuiltInNetwork.Fit(builtIn, data.TrainImages, data.TrainLabels, epochs, batchSize, shuffle, progress);
        double builtInAccuracy = BuiltInNetwork.Evaluate(builtIn, data.TestImages, data.TestLabels);
        double builtInSeconds = clock.Elapsed.TotalSeconds;
        builtIn.eval();
        return new DenseRun(network, builtInHistory, builtInAccuracy, builtInSeconds,
            Probabilities(images => torch.nn.functional.softmax(builtIn.forward(images), dim: 1), data));
    }

    /// <summary>
    /// Shifts every weight matrix of <paramref name="model"/> down by half the book's range, from [0, 0.1) to
    /// [−0.05, 0.05), biases untouched. The book's all-positive weights saturate the softmax on Fashion-MNIST,
    /// whose images carry about twice MNIST's ink (docs/05-dense.md); centred weights don't.
    /// </summary>
    public static void Centre(NaiveSequential model)
    {
        using var noGrad = torch.no_grad();
        foreach (NaiveDense layer in model.Layers)
        {
            layer.W.sub_(BookSettings.InitialWeightMax / 2);
        }
    }

    /// <summary>The class probabilities of the first <see cref="GridImages"/> test images.</summary>
    private static double[][] Probabilities(Func<Tensor, Tensor> predict, DenseData data)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        long count = Math.Min(GridImages, data.TestImages.shape[0]);
        Tensor probabilities = predict(data.TestImages.narrow(0, 0, count)).to_type(ScalarType.Float64);
        return Enumerable.Range(0, (int)count).Select(i => probabilities[i].data<double>().ToArray()).ToArray();
    }
}
