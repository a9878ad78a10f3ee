using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Katas.Optimizers.Tests.Oracles;

/// <summary>
/// Task 1's Create only hands settings to TorchSharp, so a trace that differs has one likely cause: a setting that never
/// reached its named argument. Recognised by running TorchSharp's own optimizer with every setting but one (that argument
/// left at TorchSharp's default) and finding the one that reproduces the learner's steps.
/// </summary>
internal static class LostArgumentCheck
{
    /// <summary>A sentence naming the argument left out when <paramref name="yours"/> matches TorchSharp without it, else null.</summary>
    public static string? Diagnose(Problem problem, OptimizerSettings settings, List<double[]> yours)
    {
        foreach ((string argument, string setting, Func<IEnumerable<Parameter>, optim.Optimizer> without) in WithoutOne(settings))
        {
            List<double[]> trace;
            try
            {
                trace = StepByStep.Trace(problem, p => new TorchOptimizer(without(p)), yours.Count);
            }
            catch (ArgumentException)
            {
                continue; // TorchSharp refuses that combination (Nesterov without momentum), so no learner reached it either.
            }

            if (StepByStep.Compare(yours, trace) is null)
            {
                return $"Your steps match TorchSharp's optimizer with every setting but {argument}: {setting} does not reach its argument. " +
                       $"Pass {argument}: {setting}.";
            }
        }

        return null;
    }

    private static IEnumerable<(string Argument, string Setting, Func<IEnumerable<Parameter>, optim.Optimizer> Without)> WithoutOne(OptimizerSettings s) => s.Kind switch
    {
        OptimizerKind.Momentum =>
        [
            ("momentum", "settings.Momentum", p => optim.SGD(p, s.LearningRate, weight_decay: s.WeightDecay, nesterov: s.Nesterov)),
            ("nesterov", "settings.Nesterov", p => optim.SGD(p, s.LearningRate, momentum: s.Momentum, weight_decay: s.WeightDecay)),
        ],
        OptimizerKind.RmsProp =>
        [
            ("alpha", "settings.Alpha", p => optim.RMSProp(p, s.LearningRate, eps: s.Eps, weight_decay: s.WeightDecay)),
            ("eps", "settings.Eps", p => optim.RMSProp(p, s.LearningRate, alpha: s.Alpha, weight_decay: s.WeightDecay)),
        ],
        OptimizerKind.Adam =>
        [
            ("beta1", "settings.Beta1", p => optim.Adam(p, s.LearningRate, beta2: s.Beta2, eps: s.Eps, weight_decay: s.WeightDecay)),
            ("beta2", "settings.Beta2", p => optim.Adam(p, s.LearningRate, beta1: s.Beta1, eps: s.Eps, weight_decay: s.WeightDecay)),
            ("eps", "settings.Eps", p => optim.Adam(p, s.LearningRate, beta1: s.Beta1, beta2: s.Beta2, weight_decay: s.WeightDecay)),
        ],
        OptimizerKind.Adagrad =>
        [
            ("initial_accumulator_value", "settings.InitialAccumulator", p => optim.Adagrad(p, s.LearningRate, weight_decay: s.WeightDecay, eps: s.Eps)),
            ("eps", "settings.Eps", p => optim.Adagrad(p, s.LearningRate, weight_decay: s.WeightDecay, initial_accumulator_value: s.InitialAccumulator)),
        ],
        _ => [],
    };
}
