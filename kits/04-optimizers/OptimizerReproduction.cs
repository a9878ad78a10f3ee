using Katas.Data;
using Katas.Kits;

namespace Katas.Optimizers.Kit;

/// <summary>Kata 04's rows of `katas reproduce`: the article's RMSprop and Adam runs.</summary>
public sealed class OptimizerReproduction : IKataReproduction
{
    /// <summary>What the article printed for its optimizer runs (its notebook, cells 33 and 38).</summary>
    private static readonly Dictionary<string, PrintedResult> Printed = new()
    {
        ["RMSprop"] = new("5.32", "-180.74", "130.4"),
        ["Adam"] = new("5.29", "-180.77", "138.4"),
    };

    /// <inheritdoc />
    public string Kata => OptimizerRuns.Kata;

    /// <inheritdoc />
    public IEnumerable<ReproducedTable> Reproduce()
    {
        HeightWeightSample sample = HeightWeightSample.Load();
        yield return ArticleRuns.Table("The article's optimizers (Keras conventions, float32, from (6.041117, -180), no intercept scaling)",
            OptimizerRuns.Article.Select(run => new ArticleRun(run.Name, run.Settings.ToString(), ArticleFacts.Start1,
                OptimizerRuns.ArticleRun(sample, run.Settings, run.Iterations), Printed[run.Name])).ToList());
    }
}
