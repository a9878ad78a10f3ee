using Katas.Conventions;
using Katas.Data;
using Katas.Figures;
using Katas.Kits;
using Katas.Optimizers;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Optimizers.Kit;

/// <summary>Kata 04's runs: the article's RMSprop and Adam, and races on the surfaces.</summary>
public static class OptimizerRuns
{
    public static readonly string Kata = KataMetadata.KataFolderOf(typeof(OptimizerRuns).Assembly);

    /// <summary>The article's optimizer runs, reproduced with the hand-written optimizers in Keras' conventions (the `reproduce` table).</summary>
    public static IReadOnlyList<(string Name, OptimizerSettings Settings, int Iterations)> Article { get; } =
    [
        ("RMSprop", OptimizerSettings.ArticleRmsProp, ArticleFacts.RmsPropIterations),
        ("Adam", OptimizerSettings.ArticleAdam, ArticleFacts.AdamIterations),
    ];

    /// <summary>
    /// The article's runs as kata 04's figures draw them, in the demo and in task 1's snapshot test alike: TorchSharp's
    /// optimizers made by <see cref="BuiltInOptimizers.Create"/> (task 1), so the RMSprop run puts ε outside the root
    /// (TorchSharp has no other; with ε = 1e-7 next to √v the two conventions agree to many digits).
    /// </summary>
    public static IReadOnlyList<ArticleFigureRun> ArticleFigures { get; } =
    [
        new("article-rmsprop", "RMSprop (lr 0.1, decay 0.9)", OptimizerSettings.ArticleRmsProp with { EpsInsideSqrt = false }, ArticleFacts.RmsPropIterations),
        new("article-adam", "Adam (lr 0.1)", OptimizerSettings.ArticleAdam, ArticleFacts.AdamIterations),
    ];

    /// <summary>One of the article's runs with the hand-written optimizer (the only one with Keras' RMSprop convention).</summary>
    public static Trajectory ArticleRun(HeightWeightSample sample, OptimizerSettings settings, int iterations) =>
        ArticleRun(sample, settings, iterations, p => HandWrittenOptimizers.Create(p, settings));

    /// <summary>
    /// The article's run (float32, from <see cref="ArticleFacts.Start1"/>) with TorchSharp's optimizer for
    /// <paramref name="settings"/>, made by the implementation's <see cref="BuiltInOptimizers.Create"/>.
    /// </summary>
    public static Trajectory BuiltInArticleRun(HeightWeightSample sample, OptimizerSettings settings, int iterations) =>
        ArticleRun(sample, settings, iterations, p => new TorchOptimizer(BuiltInOptimizers.Create(p, settings)));

    /// <summary>Draws <paramref name="run"/> as the figure <paramref name="figure"/> names, with the least-squares line the article published.</summary>
    public static RenderedRun WriteArticleFigure(HeightWeightSample sample, Trajectory run, ArticleFigureRun figure, string folder, bool animate) =>
        LineFitFigures.WriteRun(sample, run, ArticleFacts.LeastSquares, ArticleFacts.LeastSquaresMse, figure.Title, folder, figure.Stem, animate);

    private static Trajectory ArticleRun(HeightWeightSample sample, OptimizerSettings settings, int iterations, OptimizerFactory factory)
    {
        (Tensor heights, Tensor weights) = sample.ToTensors(ScalarType.Float32);
        using (heights)
        using (weights)
        {
            return OptimizerRun.Run(heights, weights, ArticleFacts.Start1, factory, iterations);
        }
    }

    /// <summary>Task 4's picture: where the ball starts, the learning rate, and the momentum of the second path.</summary>
    public static (double Start, double Rate, double Momentum) Valleys { get; } = (2.0, 0.01, 0.9);

    /// <summary>The title of task 4's figure.</summary>
    public static string ValleysTitle { get; } = "From x = 2, rate 0.01: SGD stops in the shallow valley, momentum rolls on";

    /// <summary>Task 4's two paths over <paramref name="steps"/> steps from <see cref="Valleys"/>: plain SGD, and SGD with momentum (TorchSharp's).</summary>
    public static (double[] Sgd, double[] Momentum) RollBoth(int steps) =>
        (Rolling.Roll(Valleys.Start, p => new TorchOptimizer(optim.SGD(p, Valleys.Rate)), steps),
         Rolling.Roll(Valleys.Start, p => new TorchOptimizer(optim.SGD(p, Valleys.Rate, momentum: Valleys.Momentum)), steps));

    /// <summary>Draws task 4's two paths into momentum-valleys.png in <paramref name="folder"/>; returns the figure (its data is snapshot) and the file.</summary>
    public static (Figure Figure, string Png) WriteValleys(IReadOnlyList<double> sgd, IReadOnlyList<double> momentum, string folder)
    {
        Figure figure = MomentumFigures.Paths(ValleysTitle, sgd, momentum);
        Directory.CreateDirectory(folder);
        string png = Path.Combine(folder, "momentum-valleys.png");
        FigureRenderer.SavePng(figure, png);
        return (figure, png);
    }

    /// <summary>The race every figure of <paramref name="surface"/> draws: every optimizer, hand-written, at its race rate, for the race's steps.</summary>
    public static IReadOnlyList<RaceResult> FullRace(Surface surface) => RunRace(surface, [.. OptimizerSettings.ByName.Keys], surface.RaceSteps);

    /// <summary>A race of the named optimizers (hand-written, at the surface's race rates) on <paramref name="surface"/>.</summary>
    public static IReadOnlyList<RaceResult> RunRace(Surface surface, IReadOnlyList<string> optimizers, int steps) =>
        Race.Run(surface, optimizers.Select(name => (name, Factory(name, surface.RaceRates[name], handWritten: true))).ToList(), steps);

    /// <summary>Makes the named optimizer at <paramref name="rate"/>: yours (hand-written) or TorchSharp's.</summary>
    public static OptimizerFactory Factory(string name, double rate, bool handWritten)
    {
        OptimizerSettings settings = OptimizerSettings.ByName[name](rate);
        return handWritten
            ? parameters => HandWrittenOptimizers.Create(parameters, settings)
            : parameters => new TorchOptimizer(BuiltInOptimizers.Create(parameters, settings));
    }

    /// <summary>Splits and checks a comma-separated list of optimizer names.</summary>
    public static IReadOnlyList<string> ParseOptimizers(string? list)
    {
        if (list is null)
        {
            return [.. OptimizerSettings.ByName.Keys];
        }

        string[] names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string? unknown = names.FirstOrDefault(name => !OptimizerSettings.ByName.ContainsKey(name));
        if (names.Length == 0 || unknown is not null)
        {
            throw new UsageException($"--optimizers takes a comma-separated list of {string.Join(", ", OptimizerSettings.ByName.Keys)}; " +
                                     (unknown is null ? "got none." : $"\"{unknown}\" is not one."));
        }

        return names;
    }
}

/// <summary>One of the article's runs as a figure: the file stem (also the snapshot's name), its title, its settings and length.</summary>
/// <param name="Stem">The figure's file name without extension, and its snapshot's name.</param>
/// <param name="Title">The run's name in the figure's title.</param>
/// <param name="Settings">The optimizer.</param>
/// <param name="Iterations">How many iterations.</param>
public sealed record ArticleFigureRun(string Stem, string Title, OptimizerSettings Settings, int Iterations);
