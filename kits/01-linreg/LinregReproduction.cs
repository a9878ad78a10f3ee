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

        // The article's notebook tf_grad_desc_intro.ipynb, cells 19 and 20.
        ArticleRun Manual(string name, Line start, PrintedResult printed) =>
            new(name, "rate 2e-5, intercept step x1000", start, LinregRuns.Article(sample, start), printed);

        yield return ArticleRuns.Table("The article's manual gradient descent (float32, learning rate 2e-5, intercept step x1000)",
        [
            Manual("manual 1", ArticleFacts.Start1, new PrintedResult("5.44", "-188.81", "129.4")),
            Manual("manual 2", ArticleFacts.Start2, new PrintedResult("5.86", "-218.09", "127.3")),
        ]);
    }
}
