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
        Tensor g = Settings.WeightDecay != 0 ? gradient + Settings.WeightDecay * parameter : gradient;
        Tensor previous = state.TryGetValue("square_average", out Tensor? v) ? v : torch.zeros_like(parameter);
        Tensor average = previous * Settings.Alpha + g.square() * (1 - Settings.Alpha);
        Keep(state, "square_average", average);
        Tensor denominator = Settings.EpsInsideSqrt ? (average + Settings.Eps).sqrt() : average.sqrt() + Settings.Eps;
        parameter.sub_(g / denominator * Settings.LearningRate);
    }
}
