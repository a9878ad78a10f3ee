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
        Tensor g = Settings.WeightDecay != 0 ? gradient + Settings.WeightDecay * parameter : gradient;
        if (Settings.Kind == OptimizerKind.Momentum && Settings.Momentum != 0)
        {
            Tensor buffer = state.TryGetValue("momentum", out Tensor? previous) ? previous * Settings.Momentum + g : g.clone();
            Keep(state, "momentum", buffer);
            g = Settings.Nesterov ? g + Settings.Momentum * buffer : buffer;
        }

        parameter.sub_(g * Settings.LearningRate);
    }
}
