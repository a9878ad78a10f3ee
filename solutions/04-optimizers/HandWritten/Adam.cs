using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Optimizers;

/// <summary>
/// Task 2: Adam, with bias correction. At step t (1, 2, ...): g ← g + wd·p; m ← β₁m + (1 − β₁)g;
/// v ← β₂v + (1 − β₂)g²; m̂ = m/(1 − β₁ᵗ); v̂ = v/(1 − β₂ᵗ); p ← p − lr·m̂/(√v̂ + ε).
/// Without the correction the first steps would have the wrong length, because m and v start at 0: the first
/// is (1 − β₁)/√(1 − β₂) times lr·sign(g), about 3.16 times too LONG with the default betas 0.9 and 0.999.
/// </summary>
public sealed class Adam(IEnumerable<Tensor> parameters, OptimizerSettings settings) : HandOptimizer(parameters, settings)
{
    /// <inheritdoc />
    protected override void Update(Tensor parameter, Tensor gradient, IDictionary<string, Tensor> state)
    {
        Tensor g = Settings.WeightDecay != 0 ? gradient + Settings.WeightDecay * parameter : gradient;
        Tensor m = (state.TryGetValue("m", out Tensor? mean) ? mean : torch.zeros_like(parameter)) * Settings.Beta1 + g * (1 - Settings.Beta1);
        Tensor v = (state.TryGetValue("v", out Tensor? square) ? square : torch.zeros_like(parameter)) * Settings.Beta2 + g.square() * (1 - Settings.Beta2);
        Keep(state, "m", m);
        Keep(state, "v", v);
        double correction1 = 1 - Math.Pow(Settings.Beta1, StepCount);
        double correction2 = 1 - Math.Pow(Settings.Beta2, StepCount);
        parameter.sub_(m / correction1 / ((v / correction2).sqrt() + Settings.Eps) * Settings.LearningRate);
    }
}
