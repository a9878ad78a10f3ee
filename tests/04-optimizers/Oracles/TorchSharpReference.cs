using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Katas.Optimizers.Tests.Oracles;

/// <summary>TorchSharp's own optimizers for <see cref="OptimizerSettings"/>: the oracle the hand-written ones are compared with.</summary>
internal static class TorchSharpReference
{
    public static optim.Optimizer Create(IEnumerable<Parameter> p, OptimizerSettings s) => s.Kind switch
    {
        OptimizerKind.Sgd => optim.SGD(p, s.LearningRate, weight_decay: s.WeightDecay),
        OptimizerKind.Momentum => optim.SGD(p, s.LearningRate, momentum: s.Momentum, weight_decay: s.WeightDecay, nesterov: s.Nesterov),
        OptimizerKind.RmsProp => optim.RMSProp(p, s.LearningRate, alpha: s.Alpha, eps: s.Eps, weight_decay: s.WeightDecay),
        OptimizerKind.Adam => optim.Adam(p, s.LearningRate, beta1: s.Beta1, beta2: s.Beta2, eps: s.Eps, weight_decay: s.WeightDecay),
        _ => optim.Adagrad(p, s.LearningRate, weight_decay: s.WeightDecay, initial_accumulator_value: s.InitialAccumulator, eps: s.Eps),
    };
}
