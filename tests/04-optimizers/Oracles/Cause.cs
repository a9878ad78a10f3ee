namespace Katas.Optimizers.Tests.Oracles;

/// <summary>The likely cause of a difference from the reference, for a failure message.</summary>
internal static class Cause
{
    /// <summary>
    /// A weight-decay mistake or a known update-rule mistake when the trace matches one (named instead of a generic hint, which could
    /// point elsewhere), else what to check given where the traces part.
    /// </summary>
    public static string Of(Problem problem, OptimizerSettings settings, List<double[]> yours, Difference difference)
    {
        string weightDecay = WeightDecayCheck.Diagnose(problem, settings, yours).Trim();
        return weightDecay.Length > 0 ? weightDecay : UpdateRuleCheck.Diagnose(problem, settings, yours) ?? difference.Hint(settings);
    }
}
