using System.Globalization;
using Katas.Data;
using Katas.Kits;

namespace Katas.Optimizers.Kit;

/// <summary>Kata 04's rows of `katas reproduce`: the article's RMSprop and Adam runs.</summary>
public sealed class OptimizerReproduction : IKataReproduction
{
    /// <inheritdoc />
    public string Kata => OptimizerRuns.Kata;

    /// <inheritdoc />
    public IEnumerable<ReproducedTable> Reproduce()
    {
        HeightWeightSample sample = HeightWeightSample.Load();
        var rows = new List<IReadOnlyList<string>>();
        foreach ((string name, OptimizerSettings settings, int iterations) in OptimizerRuns.Article)
        {
            Trajectory run = OptimizerRuns.ArticleRun(sample, settings, iterations);
            rows.Add([name, settings.ToString(), run.Count.ToString(CultureInfo.InvariantCulture), F(run.Last.Slope), F(run.Last.Intercept), F(run.Last.Loss)]);
        }

        yield return new ReproducedTable(
            "The article's optimizers (Keras conventions, float32, from (6.041117, -180), no intercept scaling)",
            ["run", "optimizer", "iterations", "slope", "intercept", "last loss"], rows,
            "slope, intercept and loss are those of the last iteration (the parameters it started from and their loss).");
    }

    private static string F(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
