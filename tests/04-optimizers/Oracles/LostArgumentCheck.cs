namespace Katas.Optimizers.Tests.Oracles;

/// <summary>
/// Task 1's Create only hands settings to TorchSharp, so a trace that differs has one likely cause: a setting that never
/// reached its named argument. Recognised by running TorchSharp's own optimizer (<see cref="TorchSharpReference"/>) with every
/// setting but one, that one at TorchSharp's default, and finding the one that reproduces the learner's steps.
/// </summary>
internal static class LostArgumentCheck
{
    /// <summary>A sentence naming the argument left out when <paramref name="yours"/> matches TorchSharp without it, else null.</summary>
    public static string? Diagnose(Problem problem, OptimizerSettings settings, List<double[]> yours)
    {
        foreach ((string argument, string setting, OptimizerSettings without) in WithoutOne(settings))
        {
            List<double[]> trace;
            try
            {
                trace = StepByStep.Trace(problem, p => new TorchOptimizer(TorchSharpReference.Create(p, without)), yours.Count);
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

    /// <summary>The settings with one argument left at what TorchSharp's optimizer takes when it is not passed.</summary>
    private static IEnumerable<(string Argument, string Setting, OptimizerSettings Without)> WithoutOne(OptimizerSettings s) => s.Kind switch
    {
        OptimizerKind.Momentum =>
        [
            ("momentum", "settings.Momentum", s with { Momentum = 0 }),
            ("nesterov", "settings.Nesterov", s with { Nesterov = false }),
        ],
        OptimizerKind.RmsProp =>
        [
            ("alpha", "settings.Alpha", s with { Alpha = 0.99 }),
            ("eps", "settings.Eps", s with { Eps = 1e-8 }),
        ],
        OptimizerKind.Adam =>
        [
            ("beta1", "settings.Beta1", s with { Beta1 = 0.9 }),
            ("beta2", "settings.Beta2", s with { Beta2 = 0.999 }),
            ("eps", "settings.Eps", s with { Eps = 1e-8 }),
        ],
        OptimizerKind.Adagrad =>
        [
            ("initial_accumulator_value", "settings.InitialAccumulator", s with { InitialAccumulator = 0 }),
            ("eps", "settings.Eps", s with { Eps = 1e-10 }),
        ],
        _ => [],
    };
}
