using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Katas.Adversarial.Tests;

/// <summary>
/// A classifier small enough for finite differences on every pixel: pictures of 3 x 4 x 4 = 48 values, a 3x3
/// convolution with 4 filters, batch norm, tanh (smooth, so central differences are accurate), dropout, and a dense
/// layer to the classes, in float64. It has what makes eval mode matter (batch norm with running statistics that
/// differ from any batch's, dropout) and is handed over the way a fresh network comes: in training mode, its
/// parameters requiring grad. The code under test must freeze it.
/// </summary>
internal static class TinyClassifier
{
    public const int Channels = 3;
    public const int Side = 4;
    public const int Values = Channels * Side * Side;

    public static Sequential Create(int classes = 2, int seed = 7)
    {
        torch.manual_seed(seed);
        var model = Sequential(
            ("conv", Conv2d(Channels, 4, 3, padding: 1)),
            ("norm", BatchNorm2d(4)),
            ("tanh", Tanh()),
            ("dropout", Dropout(0.5)),
            ("flatten", Flatten()),
            ("dense", Linear(4 * Side * Side, classes)));
        model.to(ScalarType.Float64);
        using (torch.no_grad())
        {
            // Running statistics unlike any test batch's: in training mode batch norm would use the batch's own.
            for (int pass = 0; pass < 5; pass++)
            {
                using var scope = NewDisposeScope();
                model.forward((torch.rand([16, Channels, Side, Side], ScalarType.Float64) * 0.6) + 0.3);
            }
        }

        model.train();
        return model;
    }

    /// <summary>Pictures [n, 3, 4, 4], float64, values uniform in [low, high], from their own generator.</summary>
    public static Tensor Images(int n, int seed, double low = 0.1, double high = 0.9, ScalarType dtype = ScalarType.Float64)
    {
        using var generator = new Generator((ulong)seed);
        return ((torch.rand([n, Channels, Side, Side], ScalarType.Float64, generator: generator) * (high - low)) + low).to(dtype);
    }

    /// <summary>The model's logits in eval mode, without gradients (the oracle's forward pass), as doubles [n][classes].</summary>
    public static double[][] Logits(Module<Tensor, Tensor> model, Tensor images)
    {
        bool wasTraining = model.training;
        model.eval();
        using var noGrad = torch.no_grad();
        using var scope = NewDisposeScope();
        Tensor logits = model.forward(images.to(ScalarType.Float64));
        long n = logits.shape[0];
        long classes = logits.shape[1];
        double[] flat = logits.data<double>().ToArray();
        model.train(wasTraining);
        return Enumerable.Range(0, (int)n).Select(i => flat.Skip(i * (int)classes).Take((int)classes).ToArray()).ToArray();
    }

    /// <summary>Softmax of one row, in doubles.</summary>
    public static double[] Softmax(double[] logits)
    {
        double max = logits.Max();
        double[] e = logits.Select(v => Math.Exp(v - max)).ToArray();
        double sum = e.Sum();
        return e.Select(v => v / sum).ToArray();
    }

    /// <summary>
    /// Central differences of f(model(picture)) for one picture given as 48 doubles: the independent oracle of the
    /// input gradient (forward passes only, no autograd).
    /// </summary>
    public static double[] FiniteDifferences(Module<Tensor, Tensor> model, double[] picture, Func<double[], double> ofLogits) =>
        Katas.Testing.Oracles.GradientCheck.CentralDifferences(
            values => ofLogits(Logits(model, torch.tensor(values, [1, Channels, Side, Side]))[0]), picture);

    public static double[] Row(Tensor images, int index) => images[index].to(ScalarType.Float64).contiguous().data<double>().ToArray();

    public static string Pixel(int flat) => $"c{flat / (Side * Side)} y{flat / Side % Side} x{flat % Side}";

    /// <summary>Same shape and every value equal (TorchSharp's Tensor.equal is element-wise, not a bool).</summary>
    public static bool Same(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();
}
