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
    public static optim.Optimizer Create(IEnumerable<Parameter> parameters, OptimizerSettings settings) =>
        throw new NotImplementedException(
            "Kata 04, task 1 (BuiltInOptimizers.Create) is not implemented yet: see katas/04-optimizers/README.md, task 1.");
}
