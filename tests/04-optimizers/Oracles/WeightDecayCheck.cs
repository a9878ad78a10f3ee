using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Katas.Optimizers.Tests.Oracles;

/// <summary>
/// Recognises the usual weight-decay mistakes in a trace that differs from the reference: weight decay ignored, Adagrad's
/// weight decay passed as its lr_decay, and decoupled (AdamW-style) weight decay, p ← p·(1 − lr·wd) beside the update, where the task asks for L2 (wd·p added to
/// the gradient). For plain SGD the two are the same; for momentum, RMSprop, Adam and Adagrad they are not, because the
/// L2 term goes through the momentum buffer and is divided by the running root mean square like the rest of the gradient.
/// </summary>
internal static class WeightDecayCheck
{
    /// <summary>A sentence naming the mistake when <paramref name="yours"/> matches one, else "".</summary>
    public static string Diagnose(Problem problem, OptimizerSettings settings, List<double[]> yours)
    {
        if (settings.WeightDecay == 0)
        {
            return "";
        }

        int steps = yours.Count;
        OptimizerSettings without = settings with { WeightDecay = 0 };
        if (StepByStep.Compare(yours, StepByStep.Trace(problem, p => new TorchOptimizer(TorchSharpReference.Create(p, without)), steps)) is null)
        {
            return $" Your steps match {without} WITHOUT weight decay: the weight decay {settings.WeightDecay} is ignored. " +
                   "Add wd·p to the gradient before the update (TorchSharp: pass weight_decay).";
        }

        if (settings.Kind == OptimizerKind.Adagrad
            && StepByStep.Compare(yours, StepByStep.Trace(problem, p => new TorchOptimizer(optim.Adagrad(p, settings.LearningRate, lr_decay: settings.WeightDecay,
                initial_accumulator_value: settings.InitialAccumulator, eps: settings.Eps)), steps)) is null)
        {
            return $" Your steps match Adagrad with lr_decay {settings.WeightDecay} and no weight decay: the weight decay went to lr_decay, Adagrad's " +
                   "other decay (it shrinks the learning rate as lr / (1 + (t − 1)·lr_decay)). Pass it as weight_decay, which adds wd·p to the gradient.";
        }

        if (settings.Kind == OptimizerKind.Sgd)
        {
            return "";
        }

        foreach (bool decayFirst in new[] { true, false })
        {
            List<double[]> decoupled = StepByStep.Trace(problem, p => Decoupled(p, settings, decayFirst), steps);
            if (StepByStep.Compare(yours, decoupled) is null)
            {
                return " This looks like decoupled (AdamW-style) weight decay: your steps match p ← p·(1 − lr·wd) " +
                       (decayFirst ? "before" : "after") + " the update computed from the raw gradient. The task asks for L2 weight decay " +
                       "added to the gradient: g ← g + wd·p, then the update uses that g (TorchSharp's weight_decay does this; " +
                       "optim.AdamW is the decoupled variant, a different optimizer).";
            }
        }

        return "";
    }

    private static IOptimizer Decoupled(IReadOnlyList<Parameter> parameters, OptimizerSettings settings, bool decayFirst) =>
        settings.Kind == OptimizerKind.Adam && decayFirst
            // TorchSharp's own AdamW: the decoupled Adam of Loshchilov and Hutter, decaying before the Adam step.
            ? new TorchOptimizer(optim.AdamW(parameters, settings.LearningRate, beta1: settings.Beta1, beta2: settings.Beta2, eps: settings.Eps,
                weight_decay: settings.WeightDecay))
            // TorchSharp has no decoupled SGD, RMSprop or Adagrad: its optimizer without weight decay, plus the decay by hand.
            : new DecoupledDecay(TorchSharpReference.Create(parameters, settings with { WeightDecay = 0 }), parameters,
                1 - settings.LearningRate * settings.WeightDecay, decayFirst);

    private sealed class DecoupledDecay(optim.Optimizer inner, IReadOnlyList<Parameter> parameters, double factor, bool decayFirst) : IOptimizer
    {
        public void ZeroGrad() => inner.zero_grad();

        public void Step()
        {
            if (decayFirst)
            {
                Decay();
            }

            inner.step();
            if (!decayFirst)
            {
                Decay();
            }
        }

        private void Decay()
        {
            using var noGrad = torch.no_grad();
            foreach (Parameter parameter in parameters)
            {
                parameter.mul_(factor);
            }
        }
    }
}
