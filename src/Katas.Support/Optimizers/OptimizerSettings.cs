using System.Globalization;

namespace Katas.Optimizers;

/// <summary>The update rules kata 04 knows.</summary>
public enum OptimizerKind
{
    /// <summary>Plain gradient descent: p ← p − lr·g.</summary>
    Sgd,

    /// <summary>Gradient descent with a momentum buffer (heavy ball, or Nesterov).</summary>
    Momentum,

    /// <summary>Divide by a running root mean square of the gradients.</summary>
    RmsProp,

    /// <summary>Momentum and RMSprop together, with bias correction.</summary>
    Adam,

    /// <summary>Divide by the root of the sum of all squared gradients so far.</summary>
    Adagrad,
}

/// <summary>
/// An optimizer and its hyperparameters. Unused ones are ignored by the kind that does not need them.
/// Defaults are PyTorch's (and TorchSharp's); the article used Keras, whose RMSprop has
/// <see cref="Alpha"/> 0.9 and its ε inside the square root, and whose ε is 1e-7.
/// </summary>
/// <param name="Kind">Which update rule.</param>
/// <param name="LearningRate">The step size.</param>
/// <param name="Momentum">Momentum factor (Momentum kind).</param>
/// <param name="Nesterov">Use Nesterov's look-ahead momentum (Momentum kind).</param>
/// <param name="Alpha">RMSprop's decay of the mean square (Keras calls it rho).</param>
/// <param name="Eps">The small number that keeps divisions finite.</param>
/// <param name="EpsInsideSqrt">RMSprop: √(v + ε) as Keras does, instead of √v + ε as PyTorch does.</param>
/// <param name="Beta1">Adam's decay of the mean gradient.</param>
/// <param name="Beta2">Adam's decay of the mean squared gradient.</param>
/// <param name="WeightDecay">L2 penalty: wd·p is added to each gradient before the update.</param>
/// <param name="InitialAccumulator">Adagrad's starting sum of squares.</param>
public sealed record OptimizerSettings(
    OptimizerKind Kind, double LearningRate, double Momentum = 0.9, bool Nesterov = false, double Alpha = 0.99, double Eps = 1e-8,
    bool EpsInsideSqrt = false, double Beta1 = 0.9, double Beta2 = 0.999, double WeightDecay = 0, double InitialAccumulator = 0)
{
    /// <summary>The article's RMSprop, Keras conventions: rate 0.1, rho 0.9, ε = 1e-7 inside the square root.</summary>
    public static OptimizerSettings ArticleRmsProp { get; } = new(OptimizerKind.RmsProp, 0.1, Alpha: 0.9, Eps: 1e-7, EpsInsideSqrt: true);

    /// <summary>The article's Adam, Keras' ε: rate 0.1, betas 0.9 and 0.999, ε = 1e-7.</summary>
    public static OptimizerSettings ArticleAdam { get; } = new(OptimizerKind.Adam, 0.1, Eps: 1e-7);

    /// <summary>The names the command line accepts, with their settings for a race.</summary>
    public static IReadOnlyDictionary<string, Func<double, OptimizerSettings>> ByName { get; } = new Dictionary<string, Func<double, OptimizerSettings>>
    {
        ["sgd"] = rate => new(OptimizerKind.Sgd, rate),
        ["momentum"] = rate => new(OptimizerKind.Momentum, rate),
        ["nesterov"] = rate => new(OptimizerKind.Momentum, rate, Nesterov: true),
        ["rmsprop"] = rate => new(OptimizerKind.RmsProp, rate),
        ["adam"] = rate => new(OptimizerKind.Adam, rate),
        ["adagrad"] = rate => new(OptimizerKind.Adagrad, rate),
    };

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        OptimizerKind.Sgd => F($"SGD(lr {LearningRate})"),
        OptimizerKind.Momentum => F($"{(Nesterov ? "Nesterov" : "momentum")} SGD(lr {LearningRate}, momentum {Momentum})"),
        OptimizerKind.RmsProp => F($"RMSprop(lr {LearningRate}, alpha {Alpha}, eps {Eps} {(EpsInsideSqrt ? "inside" : "outside")} the root)"),
        OptimizerKind.Adam => F($"Adam(lr {LearningRate}, betas {Beta1}/{Beta2}, eps {Eps})"),
        // The initial accumulator changes every step's length, so a message naming these settings must show it.
        _ => F($"Adagrad(lr {LearningRate}, eps {Eps}, initial accumulator {InitialAccumulator})"),
    } + (WeightDecay != 0 ? F($" + weight decay {WeightDecay}") : "");

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
