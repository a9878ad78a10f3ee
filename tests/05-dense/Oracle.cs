using Katas.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Dense.Tests;

/// <summary>
/// Independent answers in plain float64 loops: a small dense network (ReLU hidden layer, softmax output), its
/// sparse categorical cross-entropy, and the shipped Fashion-MNIST subset the accuracy tests train on.
/// </summary>
internal static class Oracle
{
    private static readonly Lazy<(Tensor Images, Tensor Labels, Tensor TestImages, Tensor TestLabels, ImageDataset Test)> Subset = new(LoadSubset);

    /// <summary>The largest difference between two lists of numbers (weights, say) taken position by position.</summary>
    public static double LargestDifference(IReadOnlyList<double> a, IReadOnlyList<double> b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Max();

    /// <summary>Training images of the shipped subset the accuracy tests use (a slice, to keep the tests fast).</summary>
    public const int TrainSlice = 2000;

    /// <summary>The first <see cref="TrainSlice"/> training images of the shipped subset, flattened and scaled by the test (not by your code), float32 [2000, 784].</summary>
    public static Tensor TrainImages => Subset.Value.Images;

    /// <summary>Their labels, int64.</summary>
    public static Tensor TrainLabels => Subset.Value.Labels;

    /// <summary>All 1,000 test images of the shipped subset, float32 [1000, 784].</summary>
    public static Tensor TestImages => Subset.Value.TestImages;

    /// <summary>Their labels, int64.</summary>
    public static Tensor TestLabels => Subset.Value.TestLabels;

    /// <summary>The test split as loaded (pixels, labels, class names).</summary>
    public static ImageDataset Test => Subset.Value.Test;

    /// <summary>The weights of a two-layer network in plain arrays: W1 [in, hidden], b1, W2 [hidden, out], b2.</summary>
    public sealed record Net(double[,] W1, double[] B1, double[,] W2, double[] B2)
    {
        public int Count => W1.Length + B1.Length + W2.Length + B2.Length;

        /// <summary>All weights in the order W1 (row-major), b1, W2 (row-major), b2.</summary>
        public double[] Flat() => [.. W1.Cast<double>(), .. B1, .. W2.Cast<double>(), .. B2];

        /// <summary>A network of the same shapes with the weights <paramref name="flat"/> (order of <see cref="Flat"/>).</summary>
        public Net With(double[] flat)
        {
            int k = 0;
            var w1 = new double[W1.GetLength(0), W1.GetLength(1)];
            var w2 = new double[W2.GetLength(0), W2.GetLength(1)];
            for (int i = 0; i < w1.GetLength(0); i++) { for (int j = 0; j < w1.GetLength(1); j++) { w1[i, j] = flat[k++]; } }
            double[] b1 = flat.AsSpan(k, B1.Length).ToArray();
            k += B1.Length;
            for (int i = 0; i < w2.GetLength(0); i++) { for (int j = 0; j < w2.GetLength(1); j++) { w2[i, j] = flat[k++]; } }
            double[] b2 = flat.AsSpan(k, B2.Length).ToArray();
            return new Net(w1, b1, w2, b2);
        }
    }

    /// <summary>Reads a learner's two-layer network into plain arrays.</summary>
    public static Net Read(NaiveSequential model) =>
        new(Matrix(model.Layers[0].W), Vector(model.Layers[0].B), Matrix(model.Layers[1].W), Vector(model.Layers[1].B));

    /// <summary>softmax(relu(x·W1 + b1)·W2 + b2) for each row of <paramref name="x"/>.</summary>
    public static double[][] Forward(Net net, double[][] x)
    {
        int hidden = net.B1.Length;
        int classes = net.B2.Length;
        var output = new double[x.Length][];
        for (int n = 0; n < x.Length; n++)
        {
            // Row by row through W1 (contiguous), skipping blank pixels: the same sums, in a fraction of the time.
            double[] h = [.. net.B1];
            for (int i = 0; i < x[n].Length; i++)
            {
                double xi = x[n][i];
                if (xi == 0)
                {
                    continue;
                }

                for (int j = 0; j < hidden; j++)
                {
                    h[j] += xi * net.W1[i, j];
                }
            }

            for (int j = 0; j < hidden; j++)
            {
                h[j] = Math.Max(0, h[j]);
            }

            var logits = new double[classes];
            for (int k = 0; k < classes; k++)
            {
                double sum = net.B2[k];
                for (int j = 0; j < hidden; j++)
                {
                    sum += h[j] * net.W2[j, k];
                }

                logits[k] = sum;
            }

            double max = logits.Max();
            double total = logits.Sum(z => Math.Exp(z - max));
            output[n] = logits.Select(z => Math.Exp(z - max) / total).ToArray();
        }

        return output;
    }

    /// <summary>The mean over rows of −log(max(p[label], 1e-7)).</summary>
    public static double CrossEntropy(double[][] probabilities, long[] labels) =>
        probabilities.Select((p, n) => -Math.Log(Math.Max(p[labels[n]], BookSettings.ProbabilityFloor))).Average();

    /// <summary>The loss of <paramref name="net"/> on a batch.</summary>
    public static double Loss(Net net, double[][] x, long[] labels) => CrossEntropy(Forward(net, x), labels);

    /// <summary>The share of rows whose largest probability is at the label.</summary>
    public static double Accuracy(double[][] probabilities, long[] labels) =>
        probabilities.Select((p, n) => Array.IndexOf(p, p.Max()) == labels[n] ? 1.0 : 0.0).Average();

    public static double[][] Rows(Tensor t)
    {
        using Tensor d = t.detach().to_type(ScalarType.Float64).contiguous();
        double[] flat = d.data<double>().ToArray();
        int columns = (int)d.shape[1];
        return Enumerable.Range(0, (int)d.shape[0]).Select(r => flat.AsSpan(r * columns, columns).ToArray()).ToArray();
    }

    public static long[] Longs(Tensor t) => t.detach().to_type(ScalarType.Int64).data<long>().ToArray();

    private static double[,] Matrix(Tensor t)
    {
        double[][] rows = Rows(t);
        var m = new double[rows.Length, rows[0].Length];
        for (int i = 0; i < rows.Length; i++) { for (int j = 0; j < rows[i].Length; j++) { m[i, j] = rows[i][j]; } }
        return m;
    }

    private static double[] Vector(Tensor t)
    {
        using Tensor d = t.detach().to_type(ScalarType.Float64);
        return d.data<double>().ToArray();
    }

    /// <summary>The shipped subset, flattened and scaled here (784 values in [0, 1] per image) so no learner code is involved.</summary>
    private static (Tensor, Tensor, Tensor, Tensor, ImageDataset) LoadSubset()
    {
        string folder = Path.Combine(Testing.KataEnvironment.RepoRoot, "data", "fashion-mnist");
        ImageDataset train = FashionMnist.Load(DataSplit.Train, folder, TrainSlice);
        ImageDataset test = FashionMnist.Load(DataSplit.Test, folder);
        Tensor Scaled(ImageDataset data)
        {
            using Tensor floats = data.ImagesAsFloats();
            return floats.reshape(data.Count, data.Rows * data.Columns).DetachFromDisposeScope();
        }

        return (Scaled(train), train.LabelsAsLong().DetachFromDisposeScope(), Scaled(test), test.LabelsAsLong().DetachFromDisposeScope(), test);
    }
}
