using Katas.Data;
using Katas.Linreg;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Cli.Katas;

/// <summary>Kata 01's runs, made with the reference solution: the article's two manual runs and the standardised one.</summary>
internal static class LinregRuns
{
    public const string Kata = "01-linreg";
    public const int ArticleIterations = 25;
    public const double StandardisedRate = 0.1;
    public const int StandardisedIterations = 50;

    public static Line ArticleStart1 { get; } = new(6.041117, -180);

    public static Line ArticleStart2 { get; } = new(5.0, -230.530985);

    /// <summary>The article's manual run from <paramref name="start"/>: float32, 25 iterations, rate 2e-5, intercept step ×1000.</summary>
    public static Trajectory Article(HeightWeightSample sample, Line start)
    {
        (Tensor heights, Tensor weights) = sample.ToTensors(ScalarType.Float32);
        using (heights)
        using (weights)
        {
            return GradientDescent.Run(heights, weights, start, LearningRates.Article, ArticleIterations);
        }
    }

    /// <summary>Gradient descent on standardised data, mapped back to inches and pounds.</summary>
    public static NormalisedFit Standardised(HeightWeightSample sample)
    {
        (Tensor heights, Tensor weights) = sample.ToTensors(ScalarType.Float32);
        using (heights)
        using (weights)
        {
            return Normalisation.Fit(heights, weights, StandardisedRate, StandardisedIterations);
        }
    }

    /// <summary>The least-squares line (float64 lstsq) and its mean squared error, the optimum the figures mark.</summary>
    public static (Line Line, double Loss) Optimum(HeightWeightSample sample)
    {
        using var scope = torch.NewDisposeScope();
        (Tensor heights, Tensor weights) = sample.ToTensors(ScalarType.Float64);
        Tensor design = torch.stack([heights, torch.ones_like(heights)], dim: 1);
        Tensor solution = torch.linalg.lstsq(design, weights.unsqueeze(1)).Solution;
        var line = new Line(solution[0, 0].ToDouble(), solution[1, 0].ToDouble());
        double loss = (heights * line.Slope + line.Intercept - weights).square().mean().ToDouble();
        return (line, loss);
    }
}
