using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Optimizers;

/// <summary>
/// Task 2: Adam, with bias correction. At step t (1, 2, ...): g ← g + wd·p; m ← β₁m + (1 − β₁)g;
/// v ← β₂v + (1 − β₂)g²; m̂ = m/(1 − β₁ᵗ); v̂ = v/(1 − β₂ᵗ); p ← p − lr·m̂/(√v̂ + ε).
/// Without the correction the first steps would be far too small, because m and v start at 0.
/// </summary>
public sealed class Adam(IEnumerable<Tensor> parameters, OptimizerSettings settings) : HandOptimizer(parameters, settings)
{
    /// <inheritdoc />
    protected override void Update(Tensor parameter, Tensor gradient, IDictionary<string, Tensor> state)
    {
        throw new NotImplementedException(
            "Kata 04, task 2 (Adam.Update) is not implemented yet: see katas/04-optimizers/README.md, task 2.");
    }
}
