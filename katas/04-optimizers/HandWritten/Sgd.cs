using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Optimizers;

/// <summary>
/// Task 2: gradient descent, with optional momentum (heavy ball or Nesterov) and weight decay, as
/// TorchSharp's SGD does it (dampening 0):
/// g ← g + wd·p;  b ← g at the first step, else b ← μ·b + g;  d ← g + μ·b (Nesterov) or b;  p ← p − lr·d.
/// With <see cref="OptimizerKind.Sgd"/> there is no momentum: p ← p − lr·g.
/// </summary>
public sealed class Sgd(IEnumerable<Tensor> parameters, OptimizerSettings settings) : HandOptimizer(parameters, settings)
{
    /// <inheritdoc />
    protected override void Update(Tensor parameter, Tensor gradient, IDictionary<string, Tensor> state)
    {
        throw new NotImplementedException(
            "Kata 04, task 2 (Sgd.Update) is not implemented yet: see katas/04-optimizers/README.md, task 2.");
    }
}
