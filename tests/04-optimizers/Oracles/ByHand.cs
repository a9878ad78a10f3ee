using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Optimizers.Tests.Oracles;

/// <summary>The kata's update rules in plain float64 arithmetic, one parameter at a time, with or without a known mistake.</summary>
internal static class ByHand
{
    /// <summary>The parameter values after each of <paramref name="steps"/> steps of <paramref name="s"/>, making the <paramref name="mistakes"/>.</summary>
    public static List<double[]> Trace(Problem problem, OptimizerSettings s, Mistake mistakes, int steps)
    {
        double[] p = [.. problem.Start];
        var shared = new Dictionary<string, double>();
        var states = p.Select(_ => mistakes.HasFlag(Mistake.SharedState) ? shared : new Dictionary<string, double>()).ToArray();
        var trace = new List<double[]>();
        for (int t = 1; t <= steps; t++)
        {
            using var scope = torch.NewDisposeScope();
            Tensor[] tensors = p.Select(value => torch.tensor(value, dtype: ScalarType.Float64).requires_grad_()).ToArray();
            problem.Loss(tensors).backward();
            for (int k = 0; k < p.Length; k++)
            {
                if (mistakes.HasFlag(Mistake.Fresh))
                {
                    states[k].Clear();
                }

                p[k] = Update(p[k], tensors[k].grad!.ToDouble(), states[k], mistakes.HasFlag(Mistake.Fresh) ? 1 : t, s, mistakes);
            }

            trace.Add([.. p]);
        }

        return trace;
    }

    private static double Update(double p, double gradient, Dictionary<string, double> state, int t, OptimizerSettings s, Mistake mistakes)
    {
        double g = gradient + s.WeightDecay * p;
        // The two halves of a weight decay that reaches only part of the rule: the squares, or the step's numerator.
        double squared = mistakes.HasFlag(Mistake.RawSquare) ? gradient : g;
        double numerator = mistakes.HasFlag(Mistake.RawNumerator) ? gradient : g;
        switch (s.Kind)
        {
            case OptimizerKind.Momentum when s.Momentum != 0:
            {
                bool first = !state.TryGetValue("b", out double old);
                double mu = s.Momentum;
                double b = mistakes.HasFlag(Mistake.DampenFromZero) ? mu * old + (1 - mu) * g
                    : first ? g
                    : mistakes.HasFlag(Mistake.Dampen) ? mu * old + (1 - mu) * g
                    : mu * old + g;
                state["b"] = b;
                double d = !s.Nesterov ? b
                    : mistakes.HasFlag(Mistake.NesterovSwapped) ? b + mu * g
                    : g + mu * b;
                return p - s.LearningRate * d;
            }

            case OptimizerKind.RmsProp:
            {
                bool first = !state.TryGetValue("v", out double old);
                double square = mistakes.HasFlag(Mistake.SquareStartsAtFirst) && first ? squared * squared
                    : mistakes.HasFlag(Mistake.NoOneMinusDecay) ? s.Alpha * old + squared * squared
                    : mistakes.HasFlag(Mistake.DecaySwapped) ? (1 - s.Alpha) * old + s.Alpha * squared * squared
                    : s.Alpha * old + (1 - s.Alpha) * squared * squared;
                state["v"] = square;
                bool inside = s.EpsInsideSqrt != mistakes.HasFlag(Mistake.EpsFlipped);
                double denominator = mistakes.HasFlag(Mistake.NoRoot) ? square + s.Eps : inside ? Math.Sqrt(square + s.Eps) : Math.Sqrt(square) + s.Eps;
                return p - s.LearningRate * numerator / denominator;
            }

            case OptimizerKind.Adam:
            {
                double m = s.Beta1 * state.GetValueOrDefault("m") + (1 - s.Beta1) * numerator;
                double square = s.Beta2 * state.GetValueOrDefault("v") + (1 - s.Beta2) * squared * squared;
                int te = mistakes.HasFlag(Mistake.StepOffByOne) ? t + 1 : t;
                double c1 = mistakes.HasFlag(Mistake.NoCorrection1) ? 1 : 1 - Math.Pow(s.Beta1, te);
                double c2 = mistakes.HasFlag(Mistake.NoCorrection2) ? 1 : 1 - Math.Pow(s.Beta2, te);
                state["m"] = mistakes.HasFlag(Mistake.KeepsCorrected) ? m / c1 : m;
                state["v"] = mistakes.HasFlag(Mistake.KeepsCorrected) ? square / c2 : square;
                if (mistakes.HasFlag(Mistake.EpsBeforeCorrection))
                {
                    return p - s.LearningRate * Math.Sqrt(c2) / c1 * m / (Math.Sqrt(square) + s.Eps);
                }

                double denominator = mistakes.HasFlag(Mistake.EpsFlipped) ? Math.Sqrt(square / c2 + s.Eps) : Math.Sqrt(square / c2) + s.Eps;
                return p - s.LearningRate * (m / c1) / denominator;
            }

            case OptimizerKind.Adagrad:
            {
                double sum = (state.TryGetValue("s", out double old) ? old : s.InitialAccumulator) + squared * squared;
                state["s"] = sum;
                return p - s.LearningRate * numerator / (mistakes.HasFlag(Mistake.EpsFlipped) ? Math.Sqrt(sum + s.Eps) : Math.Sqrt(sum) + s.Eps);
            }

            default:
                return p - s.LearningRate * g;
        }
    }
}
