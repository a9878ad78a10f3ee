using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Optimizers;

/// <summary>
/// Task 2: RMSprop. v ← α·v + (1 − α)·g² (v starts at 0), then p ← p − lr·g / (√v + ε) in PyTorch's
/// convention, or p ← p − lr·g / √(v + ε) in Keras' (<see cref="OptimizerSettings.EpsInsideSqrt"/>).
/// Weight decay adds wd·p to g first.
/// </summary>
public sealed class RmsProp(IEnumerable<Tensor> parameters, OptimizerSettings settings) : HandOptimizer(parameters, settings)
{
    /// <inheritdoc />
    protected override void Update(Tensor parameter, Tensor gradient, IDictionary<string, Tensor> state)
    {
        throw new NotImplementedException(
            "Kata 04, task 2 (RmsProp.Update) is not implemented yet: see katas/04-optimizers/README.md, task 2.");
    }
}
