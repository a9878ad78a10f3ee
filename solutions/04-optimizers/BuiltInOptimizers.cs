using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Katas.Optimizers;

/// <summary>Task 1a: TorchSharp's own optimizers, chosen by the caller.</summary>
public static class BuiltInOptimizers
{
    /// <summary>
    /// Creates TorchSharp's optimizer for <paramref name="settings"/>: SGD (momentum 0), SGD with momentum
    /// (and Nesterov), RMSProp, Adam or Adagrad, passing on the learning rate and every hyperparameter the
    /// kind uses (momentum, alpha, eps, betas, weight decay, initial accumulator).
    /// </summary>
    /// <param name="parameters">The parameters to optimize.</param>
    /// <param name="settings">Which optimizer, with which hyperparameters.</param>
    /// <exception cref="NotSupportedException">RMSprop with ε inside the square root (Keras' convention), which TorchSharp does not have.</exception>
    public static optim.Optimizer Create(IEnumerable<Parameter> parameters, OptimizerSettings settings) => settings.Kind switch
    {
        OptimizerKind.Sgd => optim.SGD(parameters, settings.LearningRate, weight_decay: settings.WeightDecay),
        OptimizerKind.Momentum => optim.SGD(parameters, settings.LearningRate, momentum: settings.Momentum,
            weight_decay: settings.WeightDecay, nesterov: settings.Nesterov),
        OptimizerKind.RmsProp when settings.EpsInsideSqrt => throw new NotSupportedException(
            "TorchSharp's RMSProp adds ε outside the square root (PyTorch's convention); Keras' ε inside it needs your own RmsProp (task 2)."),
        OptimizerKind.RmsProp => optim.RMSProp(parameters, settings.LearningRate, alpha: settings.Alpha, eps: settings.Eps,
            weight_decay: settings.WeightDecay),
        OptimizerKind.Adam => optim.Adam(parameters, settings.LearningRate, beta1: settings.Beta1, beta2: settings.Beta2,
            eps: settings.Eps, weight_decay: settings.WeightDecay),
        OptimizerKind.Adagrad => optim.Adagrad(parameters, settings.LearningRate, weight_decay: settings.WeightDecay,
            initial_accumulator_value: settings.InitialAccumulator, eps: settings.Eps),
        _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Kind, "Unknown optimizer kind."),
    };
}
