using Katas.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Katas.Adversarial.Kit;

/// <summary>One input size of the dimension study.</summary>
/// <param name="Side">The pictures' side: Side x Side inputs.</param>
/// <param name="TestAccuracy">The logistic regression's accuracy on the test pictures.</param>
/// <param name="MeanWeightL1">The mean over classes of ‖w_c‖₁, the L1 norm of a class's weights (what one sign step of ε moves a score by, per unit ε).</param>
/// <param name="Epsilon50">The smallest ε (in counts) at which FGSM flips half of the correctly classified test pictures, interpolated on a log grid; null when it never does.</param>
/// <param name="FlippedAt">The share flipped at each ε of <see cref="DimensionStudy.EpsilonGrid"/>.</param>
public sealed record DimensionRow(int Side, double TestAccuracy, double MeanWeightL1, double? Epsilon50, double[] FlippedAt);

/// <summary>
/// Task 5's measurement beyond the identity: real Fashion-MNIST pictures resampled to several sizes (area averaging down,
/// bilinear up), a logistic regression (one linear layer, softmax) trained per size, and the ε at which FGSM flips half of
/// the correctly classified test pictures. The identity says one sign step changes a linear score by ε‖w‖₁; the study
/// shows how ‖w‖₁ and ε₅₀ move with the number of inputs for models that were trained, not drawn at random.
/// </summary>
public static class DimensionStudy
{
    /// <summary>FGSM's ε in counts, a log grid from 1/8 to 64 counts.</summary>
    public static IReadOnlyList<double> EpsilonGrid { get; } = Enumerable.Range(-6, 16).Select(k => Math.Pow(2, k / 2.0)).ToArray();

    /// <summary>Runs the study for each side in <paramref name="sides"/>.</summary>
    public static IReadOnlyList<DimensionRow> Run(IReadOnlyList<int> sides, string? dataDirectory = null, int epochs = 20, int seed = TorchRuntime.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(sides);
        ImageDataset train = FashionMnist.Load(DataSplit.Train, dataDirectory);
        ImageDataset test = FashionMnist.Load(DataSplit.Test, dataDirectory);
        // Every tensor of the study (the data, each size's model, its evaluation's intermediates) goes with this scope; the rows hold
        // only numbers. The models are made and disposed inside it, after the scope opened, so its end frees nothing still in use.
        using var scope = NewDisposeScope();
        Tensor trainImages = train.ImagesAsFloats().unsqueeze(1);
        Tensor trainLabels = train.LabelsAsLong();
        Tensor testImages = test.ImagesAsFloats().unsqueeze(1);
        Tensor testLabels = test.LabelsAsLong();
        return sides.Select(side => Measure(side, trainImages, trainLabels, testImages, testLabels, epochs, seed)).ToArray();
    }

    /// <summary>Pictures [N, 1, 28, 28] resampled to [N, 1, side, side]: averaging areas when shrinking, bilinear when growing.</summary>
    public static Tensor Resample(Tensor images, int side)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (side == images.shape[^1])
        {
            return images.clone();
        }

        return side < images.shape[^1]
            ? functional.adaptive_avg_pool2d(images, [side, side])
            : functional.interpolate(images, [side, side], mode: InterpolationMode.Bilinear, align_corners: false).clamp(0, 1);
    }

    private static DimensionRow Measure(int side, Tensor trainImages, Tensor trainLabels, Tensor testImages, Tensor testLabels, int epochs, int seed)
    {
        torch.manual_seed(seed);
        using Tensor xTrain = Resample(trainImages, side);
        using Tensor xTest = Resample(testImages, side);
        var model = Sequential(("flatten", Flatten()), ("linear", Linear(side * side, 10)));
        using (var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01))
        {
            var shuffle = new Random(seed);
            long n = xTrain.shape[0];
            const int batch = 250;
            for (int epoch = 0; epoch < epochs; epoch++)
            {
                long[] order = Enumerable.Range(0, (int)n).Select(i => (long)i).ToArray();
                shuffle.Shuffle(order);
                for (long start = 0; start + batch <= n; start += batch)
                {
                    using var scope = NewDisposeScope();
                    Tensor indices = torch.tensor(order.AsSpan((int)start, batch).ToArray());
                    optimizer.zero_grad();
                    Tensor loss = functional.cross_entropy(model.forward(xTrain.index_select(0, indices)), trainLabels.index_select(0, indices));
                    loss.backward();
                    optimizer.step();
                }
            }
        }

        model.eval();
        double accuracy;
        Tensor correct;
        using (torch.no_grad())
        {
            Tensor predicted = model.forward(xTest).argmax(1);
            correct = predicted.eq(testLabels).nonzero().squeeze(1);
            accuracy = (double)correct.shape[0] / testLabels.shape[0];
        }

        double meanL1 = ((Linear)model[1]).weight!.abs().sum(1).mean().ToDouble();
        using Tensor right = xTest.index_select(0, correct);
        using Tensor rightLabels = testLabels.index_select(0, correct);
        double[] flipped = EpsilonGrid.Select(epsilon =>
        {
            using var scope = NewDisposeScope();
            Tensor adversarial = GradientSignAttacks.Fgsm(model, right, rightLabels, epsilon / 255);
            using var noGrad = torch.no_grad();
            return 1 - (model.forward(adversarial).argmax(1).eq(rightLabels).sum().ToDouble() / rightLabels.shape[0]);
        }).ToArray();
        model.Dispose();
        return new DimensionRow(side, accuracy, meanL1, HalfwayEpsilon(flipped), flipped);
    }

    private static double? HalfwayEpsilon(double[] flipped)
    {
        for (int i = 0; i < flipped.Length; i++)
        {
            if (flipped[i] >= 0.5)
            {
                if (i == 0)
                {
                    return EpsilonGrid[0];
                }

                // Linear in log ε between the grid points on either side of one half.
                double t = (0.5 - flipped[i - 1]) / (flipped[i] - flipped[i - 1]);
                return Math.Exp(Math.Log(EpsilonGrid[i - 1]) + (t * (Math.Log(EpsilonGrid[i]) - Math.Log(EpsilonGrid[i - 1]))));
            }
        }

        return null;
    }
}
