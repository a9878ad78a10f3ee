using System.Globalization;
using Katas.Data;
using Katas.Kits;

namespace Katas.Linreg.Kit;

/// <summary>Kata 01's rows of `katas reproduce`: the article's two manual gradient-descent runs.</summary>
public sealed class LinregReproduction : IKataReproduction
{
    /// <inheritdoc />
    public string Kata => LinregRuns.Kata;

    /// <inheritdoc />
    public IEnumerable<ReproducedTable> Reproduce()
    {
        HeightWeightSample sample = HeightWeightSample.Load();
        var rows = new List<IReadOnlyList<string>>();
        foreach ((Line start, int number) in new[] { (ArticleFacts.Start1, 1), (ArticleFacts.Start2, 2) })
        {
            Trajectory run = LinregRuns.Article(sample, start);
            TrajectoryStep last = run.Last;
            rows.Add([$"manual {number}", $"({F(start.Slope)}, {F(start.Intercept)})", run.Count.ToString(CultureInfo.InvariantCulture),
                F(last.Slope), F(last.Intercept), F(last.Loss)]);
        }

        yield return new ReproducedTable(
            "The article's manual gradient descent (float32, learning rate 2e-5, intercept step x1000)",
            ["run", "start (slope, intercept)", "iterations", "slope", "intercept", "last loss"], rows,
            "slope, intercept and loss are those of the last iteration (the parameters it started from and their loss).");
    }

    private static string F(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
