using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Optimizers;

/// <summary>
/// Task 2: Adagrad. g ← g + wd·p; s ← s + g² (s starts at <see cref="OptimizerSettings.InitialAccumulator"/>);
/// p ← p − lr·g / (√s + ε). Steps shrink as squared gradients pile up.
/// </summary>
public sealed class Adagrad(IEnumerable<Tensor> parameters, OptimizerSettings settings) : HandOptimizer(parameters, settings)
{
    /// <inheritdoc />
    protected override void Update(Tensor parameter, Tensor gradient, IDictionary<string, Tensor> state)
    {
        throw new NotImplementedException(
            "Kata 04, task 2 (Adagrad.Update) is not implemented yet: see katas/04-optimizers/README.md, task 2.");
    }
}
