using Katas.Testing;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Katas.Dense.Tests;

/// <summary>A short training run of one network on the shipped subset, and what it predicts for the first test images.</summary>
internal sealed record TrainedRun(TrainingHistory History, double TestAccuracy, double[][] FirstTestProbabilities);

/// <summary>
/// The short deterministic runs the accuracy and figure tests share (trained once per test run, to keep the suite fast):
/// the first 2,000 training images of the shipped subset, in the data's order, batch 128 (3 epochs from scratch, the
/// book's 5 built in), evaluated on its 1,000 test images.
/// </summary>
internal static class TrainedRuns
{
    /// <summary>Epochs of the short from-scratch run.</summary>
    public const int FromScratchEpochs = 3;

    /// <summary>Epochs of the short built-in run: the book's 5.</summary>
    public const int BuiltInEpochs = BookSettings.BuiltInEpochs;

    /// <summary>The from-scratch network's SGD rate in the short run (with centred weights: see the README).</summary>
    public const double FromScratchRate = 0.1;

    private static TrainedRun? _fromScratch;
    private static TrainedRun? _builtIn;

    /// <summary>
    /// Your book network with its W replaced by the test's own centred start (uniform [−0.05, 0.05) from Generator(5)),
    /// trained with your FromScratch.Fit at rate 0.1, evaluated with your FromScratch.Evaluate.
    /// </summary>
    public static TrainedRun FromScratchRun() => _fromScratch ??= LearnerCode.Run(() =>
    {
        NaiveSequential model = NaiveSequential.BookNetwork(new Generator(1));
        var start = new Generator(5);
        using (torch.no_grad())
        {
            foreach (NaiveDense layer in model.Layers)
            {
                layer.W.copy_(torch.rand(layer.W.shape, generator: start).sub_(0.5).mul_(0.1));
            }
        }

        TrainingHistory history = FromScratch.Fit(model, Oracle.TrainImages, Oracle.TrainLabels, FromScratchEpochs, BookSettings.BatchSize, FromScratchRate, shuffle: null);
        double accuracy = FromScratch.Evaluate(model, Oracle.TestImages, Oracle.TestLabels);
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        return new TrainedRun(history, accuracy, Oracle.Rows(model.Forward(Oracle.TestImages.narrow(0, 0, 10))));
    }, "FromScratch.Fit and Evaluate on 2,000 images", TimeSpan.FromSeconds(60));

    /// <summary>Your BuiltInNetwork.Build after torch.manual_seed(5), trained with your Fit and evaluated with your Evaluate.</summary>
    public static TrainedRun BuiltInRun() => _builtIn ??= LearnerCode.Run(() =>
    {
        torch.manual_seed(5);
        Sequential model = BuiltInNetwork.Build();
        TrainingHistory history = BuiltInNetwork.Fit(model, Oracle.TrainImages, Oracle.TrainLabels, BuiltInEpochs, BookSettings.BatchSize, shuffle: null);
        double accuracy = BuiltInNetwork.Evaluate(model, Oracle.TestImages, Oracle.TestLabels);
        model.eval();
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        return new TrainedRun(history, accuracy, Oracle.Rows(torch.nn.functional.softmax(model.forward(Oracle.TestImages.narrow(0, 0, 10)), dim: 1)));
    }, "BuiltInNetwork.Fit and Evaluate on 2,000 images", TimeSpan.FromSeconds(60));
}
