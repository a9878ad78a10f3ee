using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Optimizers.Tests.Oracles;

/// <summary>
/// Recognises the usual update-rule mistakes in a trace that differs from the reference: a hyperparameter ignored (its default used
/// instead), a wrong formula (dampened momentum, Nesterov's terms swapped, RMSprop without 1 − α or without the root, Adam with half
/// a bias correction, ε on the wrong side of the root) and state that is not kept between steps. Each candidate is replayed by hand in
/// plain float64 arithmetic (autograd only supplies the gradients) and named when it reproduces the trace.
/// </summary>
internal static class UpdateRuleCheck
{
    private const double Tolerance = 1e-9;

    /// <summary>A sentence naming the mistake when <paramref name="yours"/> matches a known one, else null.</summary>
    public static string? Diagnose(Problem problem, OptimizerSettings settings, List<double[]> yours)
    {
        int steps = yours.Count;
        // A candidate the problem can't tell from the correct rule (ε next to large gradients) explains nothing.
        List<double[]> correct = ByHand.Trace(problem, settings, Mistake.None, steps);
        // Every candidate that reproduces the trace is named: a small ε ignored and ε on the wrong side of the root can move the
        // parameters alike, and naming only the first would blame a learner who passes Settings.Eps for ignoring it.
        List<string> matches =
        [
            .. IgnoredHyperparameters(settings).Where(candidate => Matches(ByHand.Trace(problem, candidate.Changed, Mistake.None, steps)))
                .Select(candidate => $"your steps match {candidate.Changed} instead: {candidate.Cause}"),
            .. Mistakes(settings).Where(candidate => Matches(ByHand.Trace(problem, settings, candidate.Mistake, steps)))
                .Select(candidate => "your steps match a known mistake: " + candidate.Cause),
        ];
        return matches.Count switch
        {
            0 => null,
            1 => char.ToUpperInvariant(matches[0][0]) + matches[0][1..],
            _ => $"Your steps match {matches.Count} known mistakes, which these settings can't tell apart; check each: " +
                 string.Join(" Or ", matches.Select((match, i) => $"({i + 1}) {match}")),
        };

        bool Matches(List<double[]> candidate) => StepByStep.Compare(yours, candidate, Tolerance) is null && StepByStep.Compare(correct, candidate, Tolerance) is not null;
    }

    /// <summary>The settings with one hyperparameter replaced by the value a forgotten argument or a forgotten line leaves.</summary>
    private static IEnumerable<(OptimizerSettings Changed, string Cause)> IgnoredHyperparameters(OptimizerSettings s)
    {
        switch (s.Kind)
        {
            case OptimizerKind.Sgd:
                // Settings.Momentum defaults to 0.9 for every kind: an Update that tests only Momentum != 0 adds momentum to plain SGD.
                yield return (s with { Kind = OptimizerKind.Momentum },
                    $"plain SGD takes momentum steps (μ = {s.Momentum}, the settings' default for every kind). Only OptimizerKind.Momentum keeps a " +
                    "buffer: check Settings.Kind, not only Settings.Momentum.");
                break;
            case OptimizerKind.Momentum:
                yield return (s with { Kind = OptimizerKind.Sgd }, $"the momentum {s.Momentum} has no effect: these are plain gradient descent steps. " +
                    "Keep a buffer b ← μ·b + g between steps (Keep(state, \"name\", b)) and step with it; a buffer that is not kept between steps " +
                    "is b = g at every step, which is plain SGD.");
                yield return s.Nesterov
                    ? (s with { Nesterov = false }, "Nesterov is asked for but your steps are heavy-ball momentum, p ← p − lr·b " +
                        "(a look-ahead with the buffer from BEFORE this step's update, g + μ·b_old, is the same thing). Update the buffer first, " +
                        "b ← μ·b + g, then step p ← p − lr·(g + μ·b) with the new b.")
                    : (s with { Nesterov = true }, "your steps are Nesterov's, p ← p − lr·(g + μ·b), but Nesterov is false: step with the buffer, p ← p − lr·b.");
                if (s.Momentum != 0.9)
                {
                    yield return (s with { Momentum = 0.9 }, $"the momentum {s.Momentum} is ignored (0.9 is used). Use Settings.Momentum.");
                }

                break;
            case OptimizerKind.RmsProp:
                if (s.Alpha != 0.99)
                {
                    yield return (s with { Alpha = 0.99 }, $"the decay alpha {s.Alpha} is ignored (TorchSharp's default 0.99 is used). Pass alpha / use Settings.Alpha.");
                }

                foreach (OptimizerSettings changed in EpsDefaults(s))
                {
                    yield return (changed, $"the eps {s.Eps} is ignored ({changed.Eps} is used). Pass eps / use Settings.Eps.");
                }

                break;
            case OptimizerKind.Adam:
                if (s.Beta1 != 0.9)
                {
                    yield return (s with { Beta1 = 0.9 }, $"beta1 {s.Beta1} is ignored (0.9 is used). Pass beta1 / use Settings.Beta1.");
                }

                if (s.Beta2 != 0.999)
                {
                    yield return (s with { Beta2 = 0.999 }, $"beta2 {s.Beta2} is ignored (0.999 is used). Pass beta2 / use Settings.Beta2.");
                }

                if (s.Beta1 != s.Beta2)
                {
                    yield return (s with { Beta1 = s.Beta2, Beta2 = s.Beta1 }, "beta1 and beta2 are swapped: β₁ decays the mean gradient m, β₂ the mean squared gradient v.");
                }

                foreach (OptimizerSettings changed in EpsDefaults(s))
                {
                    yield return (changed, $"the eps {s.Eps} is ignored ({changed.Eps} is used). Pass eps / use Settings.Eps.");
                }

                break;
            case OptimizerKind.Adagrad:
                if (s.InitialAccumulator != 0)
                {
                    yield return (s with { InitialAccumulator = 0 },
                        $"the initial accumulator {s.InitialAccumulator} is ignored (the sum of squares starts at 0). Start s at Settings.InitialAccumulator " +
                        "(torch.full_like(p, value); TorchSharp: initial_accumulator_value), so s = initial accumulator + g² at the first step.");
                }

                foreach (OptimizerSettings changed in EpsDefaults(s))
                {
                    yield return (changed, $"the eps {s.Eps} is ignored ({changed.Eps} is used). Pass eps / use Settings.Eps.");
                }

                break;
        }
    }

    /// <summary>ε replaced by TorchSharp's defaults: 1e-8 (RMSProp, Adam), 1e-10 (Adagrad).</summary>
    private static IEnumerable<OptimizerSettings> EpsDefaults(OptimizerSettings s) =>
        new[] { 1e-8, 1e-10 }.Where(eps => eps != s.Eps).Select(eps => s with { Eps = eps });

    /// <summary>The formula mistakes that apply to <paramref name="s"/>'s kind, each with the sentence that names it.</summary>
    private static IEnumerable<(Mistake Mistake, string Cause)> Mistakes(OptimizerSettings s)
    {
        string names = s.Kind switch
        {
            OptimizerKind.Momentum => "the momentum buffer b",
            OptimizerKind.RmsProp => "the running mean square v",
            OptimizerKind.Adam => "the running means m and v",
            OptimizerKind.Adagrad => "the sum of squares s",
            _ => "",
        };
        if (s.Kind != OptimizerKind.Sgd && !(s.Kind == OptimizerKind.Momentum && s.Momentum == 0))
        {
            yield return (Mistake.Fresh,
                $"every step is computed as if it were the first, so {names} is not kept between steps (or Adam's t stays 1). " +
                "Store the state with Keep(state, \"name\", tensor), read it back at the next step, and use StepCount for t.");
            yield return (Mistake.SharedState,
                $"the state, {names}, is shared by all the parameters: the second parameter's update starts from the first one's. Every parameter has " +
                "its own state: keep it in the `state` dictionary Update receives for that parameter (Keep(state, \"name\", tensor)), not in a field of your optimizer.");
        }

        if (s.WeightDecay != 0 && s.Kind is OptimizerKind.RmsProp or OptimizerKind.Adam or OptimizerKind.Adagrad)
        {
            (string squares, string numerator) = s.Kind switch
            {
                OptimizerKind.Adam => ("v", "m"),
                OptimizerKind.RmsProp => ("v", "the step's numerator"),
                _ => ("s", "the step's numerator"),
            };
            const string rule = "L2 weight decay changes the gradient itself, g ← g + wd·p, before anything uses it: compute that g once and use it everywhere.";
            yield return (Mistake.RawSquare, $"the weight decay reaches {numerator} but not {squares}, which is built from the raw gradient. {rule}");
            yield return (Mistake.RawNumerator, $"the weight decay reaches {squares} but not {numerator}, which uses the raw gradient. {rule}");
        }

        switch (s.Kind)
        {
            case OptimizerKind.Momentum:
                yield return (Mistake.Dampen,
                    "momentum with dampening, b ← μ·b + (1 − μ)·g after the first step. TorchSharp's SGD (dampening 0) adds the whole gradient: b ← μ·b + g.");
                yield return (Mistake.DampenFromZero,
                    "momentum as an exponential average from zero, b ← μ·b + (1 − μ)·g with b = 0 before the first step (Adam's m). " +
                    "TorchSharp's SGD starts with b = g and adds the whole gradient: b ← μ·b + g, then p ← p − lr·b.");
                if (s.Nesterov)
                {
                    yield return (Mistake.NesterovSwapped,
                        "Nesterov's step is written p ← p − lr·(b + μ·g); it is p ← p − lr·(g + μ·b): the gradient plus μ times the updated buffer.");
                }

                break;
            case OptimizerKind.RmsProp:
                yield return (Mistake.NoOneMinusDecay,
                    "v ← α·v + g², without the (1 − α) on the new squared gradient. The running mean square is v ← α·v + (1 − α)·g².");
                yield return (Mistake.DecaySwapped,
                    "α and 1 − α are swapped: v ← (1 − α)·v + α·g² keeps only 1 − α of the running mean square. It is v ← α·v + (1 − α)·g²: α, " +
                    "close to 1, on the old average.");
                yield return (Mistake.NoRoot,
                    "the step divides by v instead of its square root: p ← p − lr·g/(√v + ε) (Keras: √(v + ε)). RMS means ROOT mean square.");
                yield return (Mistake.SquareStartsAtFirst,
                    "v starts at the first squared gradient instead of 0. All state starts at zero: v = (1 − α)·g² after the first step.");
                yield return (Mistake.EpsFlipped, s.EpsInsideSqrt
                    ? "ε is added outside the square root, √v + ε (PyTorch's convention), but these settings ask for Keras' √(v + ε) (OptimizerSettings.EpsInsideSqrt)."
                    : "ε is inside the square root, √(v + ε) (Keras' convention), but these settings ask for PyTorch's √v + ε (OptimizerSettings.EpsInsideSqrt is false).");
                break;
            case OptimizerKind.Adam:
                yield return (Mistake.NoCorrection1 | Mistake.NoCorrection2,
                    "Adam without bias correction. Divide m by 1 − β₁ᵗ and v by 1 − β₂ᵗ (t = StepCount, 1 at the first step).");
                yield return (Mistake.NoCorrection1,
                    "only v is bias-corrected. Divide m by 1 − β₁ᵗ too: m̂ = m/(1 − β₁ᵗ).");
                yield return (Mistake.NoCorrection2,
                    "only m is bias-corrected. Divide v by 1 − β₂ᵗ too: v̂ = v/(1 − β₂ᵗ).");
                yield return (Mistake.KeepsCorrected,
                    "the bias-corrected m̂ and v̂ are kept as the state, so the next step corrects them again. Keep the raw running means m and v, " +
                    "and compute m̂ = m/(1 − β₁ᵗ) and v̂ = v/(1 − β₂ᵗ) afresh for each step's update only.");
                yield return (Mistake.StepOffByOne,
                    "the bias correction uses t + 1. StepCount is already 1 during the first step: use 1 − β₁ᵗ and 1 − β₂ᵗ with t = StepCount.");
                yield return (Mistake.EpsFlipped,
                    "ε is inside the square root, √(v̂ + ε). Adam divides by √v̂ + ε.");
                yield return (Mistake.EpsBeforeCorrection,
                    "ε is added to √v before the bias correction (the Adam paper's \"efficient\" form, lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ)·m/(√v + ε)). " +
                    "TorchSharp adds ε to the corrected root: m̂/(√v̂ + ε).");
                break;
            case OptimizerKind.Adagrad:
                yield return (Mistake.EpsFlipped,
                    "ε is inside the square root, √(s + ε). Adagrad divides by √s + ε.");
                break;
        }
    }
}
