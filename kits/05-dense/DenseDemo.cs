using System.Globalization;
using Katas.Figures;
using Katas.Kits;

namespace Katas.Dense.Kit;

/// <summary>
/// Kata 05's demo: both networks trained for the book's epochs (10 from scratch, with centred weights and SGD rate 0.1;
/// 5 built in, RMSprop), batch 128, on the shipped subset of Fashion-MNIST, their curves, and each network's
/// predictions for the first ten test images.
/// </summary>
public sealed class DenseDemo : IKataDemo
{
    /// <summary>The from-scratch network's SGD rate in the demo (with centred weights).</summary>
    public const double DemoLearningRate = 0.1;

    /// <inheritdoc />
    public string Kata => DenseRuns.Kata;

    /// <inheritdoc />
    public int Runs => 2;

    /// <inheritdoc />
    public IEnumerable<DemoRow> Render(string folder)
    {
        using DenseData data = DenseData.Load();
        string subset = data.IsFullSet ? "full Fashion-MNIST" : "Fashion-MNIST subset";
        // The book's all-positive start saturates on Fashion-MNIST (docs/05-dense.md): the demo centres it and uses rate 0.1.
        DenseRun fromScratch = DenseRuns.Train(DenseNetwork.FromScratch, data, BookSettings.FromScratchEpochs, BookSettings.BatchSize, TorchRuntime.DefaultSeed,
            FromScratchStart.Centred, DemoLearningRate);
        string scratchGrid = Path.Combine(folder, "predictions-from-scratch.png");
        FigureRenderer.SavePng(Grid(data, fromScratch, $"From scratch: the first test images ({subset})"), scratchGrid);
        yield return Row(DenseRuns.Name(DenseNetwork.FromScratch, FromScratchStart.Centred, DemoLearningRate), fromScratch, [scratchGrid]);

        DenseRun builtIn = DenseRuns.Train(DenseNetwork.BuiltIn, data, BookSettings.BuiltInEpochs, BookSettings.BatchSize, TorchRuntime.DefaultSeed);
        string grid = Path.Combine(folder, "predictions.png");
        FigureRenderer.SavePng(Grid(data, builtIn, $"Built in: the first test images ({subset})"), grid);
        string curves = Path.Combine(folder, "training-curves.png");
        FigureRenderer.SavePng(DenseFigures.TrainingCurves($"Both networks on the {subset}, batch 128 (from scratch: centred start, SGD {DemoLearningRate})",
            fromScratch.History, fromScratch.TestAccuracy, builtIn.History, builtIn.TestAccuracy), curves);
        yield return Row(DenseRuns.Name(DenseNetwork.BuiltIn), builtIn, [grid, curves]);
    }

    /// <summary>The prediction grid of <paramref name="run"/> over the first test images of <paramref name="data"/>.</summary>
    public static Figure Grid(DenseData data, DenseRun run, string title)
    {
        int count = run.FirstTestProbabilities.Length;
        double[][] pixels = Enumerable.Range(0, count).Select(i => data.Test.Pixels.Span.Slice(i * 784, 784).ToArray().Select(b => b / 255.0).ToArray()).ToArray();
        int[] labels = Enumerable.Range(0, count).Select(i => (int)data.Test.Labels.Span[i]).ToArray();
        return DenseFigures.PredictionGrid(title, pixels, run.FirstTestProbabilities, labels, data.Test.ClassNames);
    }

    private DemoRow Row(string name, DenseRun run, IReadOnlyList<string> files) =>
        new(Kata, name, run.History.Count, string.Create(CultureInfo.InvariantCulture,
            $"loss {run.History.Last.Loss:0.000}, training accuracy {run.History.Last.Accuracy:0.000}, test accuracy {run.TestAccuracy:0.000} ({run.Seconds:0.0} s)"), files);
}
