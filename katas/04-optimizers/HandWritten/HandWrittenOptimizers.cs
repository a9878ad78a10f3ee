using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Optimizers;

/// <summary>Your optimizers by kind (given: it only picks the class).</summary>
public static class HandWrittenOptimizers
{
    /// <summary>The hand-written optimizer for <paramref name="settings"/>.</summary>
    public static IOptimizer Create(IEnumerable<Tensor> parameters, OptimizerSettings settings) => settings.Kind switch
    {
        OptimizerKind.Sgd or OptimizerKind.Momentum => new Sgd(parameters, settings),
        OptimizerKind.RmsProp => new RmsProp(parameters, settings),
        OptimizerKind.Adam => new Adam(parameters, settings),
        OptimizerKind.Adagrad => new Adagrad(parameters, settings),
        _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Kind, "Unknown optimizer kind."),
    };
}
