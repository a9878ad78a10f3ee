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
        Tensor g = Settings.WeightDecay != 0 ? gradient + Settings.WeightDecay * parameter : gradient;
        Tensor previous = state.TryGetValue("sum", out Tensor? s) ? s : torch.full_like(parameter, Settings.InitialAccumulator);
        Tensor sum = previous + g.square();
        Keep(state, "sum", sum);
        parameter.sub_(g / (sum.sqrt() + Settings.Eps) * Settings.LearningRate);
    }
}
