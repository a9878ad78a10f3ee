using Katas.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

using Katas.Testing;

namespace Katas.Optimizers.Tests;

/// <summary>A small optimization problem for comparing optimizers step by step (float64). Public only because NUnit test cases take it.</summary>
/// <param name="Name">For test names and messages.</param>
/// <param name="Start">The parameters' starting values.</param>
/// <param name="Loss">The loss of the parameters.</param>
/// <param name="SgdRate">A learning rate plain gradient descent survives on this problem.</param>
/// <param name="AdaptiveRate">A step size for RMSprop, Adam and Adagrad.</param>
public sealed record Problem(string Name, double[] Start, Func<IReadOnlyList<Tensor>, Tensor> Loss, double SgdRate, double AdaptiveRate)
{
    private static HeightWeightSample Sample => KataData.HeightWeight;

    public static Problem HeightWeight { get; } = new("height-weight MSE", [6.041117, -180],
        p =>
        {
            (Tensor h, Tensor w) = Sample.ToTensors(ScalarType.Float64);
            return (p[0] * h + p[1] - w).square().mean();
        }, 2e-5, 0.1);

    public static Problem Rosenbrock { get; } = new("Rosenbrock", [-1.5, 2], p => Surface.Rosenbrock.Loss(p[0], p[1]), 1e-3, 0.01);

    public static Problem StiffQuadratic { get; } = new("quadratic with curvatures 1 and 1000", [1, 1],
        p => (p[0].square() + 1000 * p[1].square()) / 2, 1e-3, 0.05);

    public static Problem[] All { get; } = [HeightWeight, Rosenbrock, StiffQuadratic];

    /// <summary>Fresh parameters at the start.</summary>
    public Parameter[] NewParameters() => Start.Select(value => new Parameter(torch.tensor(value, dtype: ScalarType.Float64))).ToArray();

    /// <summary>The settings' learning rate replaced by this problem's rate for that kind.</summary>
    public OptimizerSettings Scaled(OptimizerSettings settings) => settings with
    {
        LearningRate = settings.Kind is OptimizerKind.Sgd or OptimizerKind.Momentum ? SgdRate : AdaptiveRate,
    };

    public override string ToString() => Name;
}

/// <summary>Runs two optimizers side by side on the same problem and reports where they part ways.</summary>
internal static class StepByStep
{
    /// <summary>The parameter values after each of <paramref name="steps"/> steps.</summary>
    public static List<double[]> Trace(Problem problem, Func<Parameter[], IOptimizer> make, int steps)
    {
        Parameter[] parameters = problem.NewParameters();
        IOptimizer optimizer = make(parameters);
        var trace = new List<double[]>();
        for (int step = 0; step < steps; step++)
        {
            using var scope = torch.NewDisposeScope();
            optimizer.ZeroGrad();
            problem.Loss(parameters).backward();
            optimizer.Step();
            trace.Add(parameters.Select(p => p.ToDouble()).ToArray());
        }

        return trace;
    }

    /// <summary>Null when the traces agree to <paramref name="relative"/>, else where and how they first differ, with a hint.</summary>
    public static string? FirstDifference(List<double[]> yours, List<double[]> reference, double relative = 1e-9, OptimizerSettings? settings = null) =>
        Compare(yours, reference, relative) is Difference difference ? $"{difference} {difference.Hint(settings)}" : null;

    /// <summary>Null when the traces agree to <paramref name="relative"/>, else the first step and parameter where they part.</summary>
    public static Difference? Compare(List<double[]> yours, List<double[]> reference, double relative = 1e-9)
    {
        for (int step = 0; step < reference.Count; step++)
        {
            for (int k = 0; k < reference[step].Length; k++)
            {
                double expected = reference[step][k];
                double actual = yours[step][k];
                if (!(Math.Abs(actual - expected) <= relative * Math.Abs(expected) + 1e-12))
                {
                    return new Difference(step + 1, k, actual, expected);
                }
            }
        }

        return null;
    }
}

/// <summary>Where two traces first part: after <paramref name="Step"/> (1 for the first step), at parameter <paramref name="Parameter"/>.</summary>
internal sealed record Difference(int Step, int Parameter, double Actual, double Expected)
{
    public override string ToString() => $"after step {Step}, parameter {Parameter} is {Actual:G12} but the reference has {Expected:G12}.";

    /// <summary>
    /// What to check, when no known mistake matches: the first step's formula when the first step already differs (it depends on no
    /// state carried over), else how the state carries from one step to the next.
    /// </summary>
    public string Hint(OptimizerSettings? settings) => Step == 1
        ? "The very first step differs: check the update formula" + (settings is null ? "" : $" ({Formulas.FirstStep(settings)})") +
          ", every hyperparameter (learning rate, eps, betas, alpha, momentum, initial accumulator) and the sign of the weight decay (+wd·p is added to the gradient)."
        : "The first step agreed but a later one does not; the first step does not show how the state carries over: " +
          (settings is null
              ? "is the optimizer's state (momentum buffer, running averages, sum of squares, step count) kept between steps and updated exactly once per step?"
              : Formulas.LaterSteps(settings));
}

/// <summary>Each kind's update rule in words, for messages: the first step (no state yet) and how the state carries over.</summary>
internal static class Formulas
{
    public static string FirstStep(OptimizerSettings s) => s.Kind switch
    {
        OptimizerKind.Sgd => "p ← p − lr·g, with g = gradient + wd·p",
        OptimizerKind.Momentum when s.Nesterov =>
            "the buffer starts as the whole gradient, b = g (no dampening, no learning rate inside it), and the Nesterov step is p ← p − lr·(g + μ·b)",
        OptimizerKind.Momentum => "the buffer starts as the whole gradient, b = g (no dampening, no learning rate inside it), and the step is p ← p − lr·b",
        OptimizerKind.RmsProp => "v starts at 0, so v = (1 − α)·g² and p ← p − lr·g/" + (s.EpsInsideSqrt ? "√(v + ε)" : "(√v + ε)"),
        OptimizerKind.Adam => "at t = 1 the bias correction makes m̂ = g and v̂ = g², so p ← p − lr·m̂/(√v̂ + ε) = lr·g/(|g| + ε)",
        _ => "s = initial accumulator + g², then p ← p − lr·g/(√s + ε)",
    };

    public static string LaterSteps(OptimizerSettings s) => s.Kind switch
    {
        OptimizerKind.Sgd => "plain SGD keeps no state: every step is p ← p − lr·(g + wd·p) with that step's gradient. Does your Update use anything left from an earlier step?",
        OptimizerKind.Momentum =>
            "check b ← μ·b + g from the previous buffer (the whole gradient, no (1 − μ) factor), the step with the NEW buffer, and that b is kept between steps (Keep) and updated once per step.",
        OptimizerKind.RmsProp => "check v ← α·v + (1 − α)·g² from the previous v, and that v is kept between steps (Keep) and updated once per step.",
        OptimizerKind.Adam =>
            "check m ← β₁·m + (1 − β₁)·g and v ← β₂·v + (1 − β₂)·g² from their previous values, the bias corrections 1 − β₁ᵗ and 1 − β₂ᵗ with t = StepCount, " +
            "and that m and v are kept between steps (Keep) and updated once per step.",
        _ => "check s ← s + g² from the previous sum (never reset), and that s is kept between steps (Keep) and updated once per step.",
    };
}

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

/// <summary>
/// Recognises the two usual weight-decay mistakes in a trace that differs from the reference: weight decay ignored, and
/// decoupled (AdamW-style) weight decay, p ← p·(1 − lr·wd) beside the update, where the task asks for L2 (wd·p added to
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
