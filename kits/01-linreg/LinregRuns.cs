using Katas.Conventions;
using Katas.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Linreg.Kit;

/// <summary>Kata 01's runs, made with the implementation under test: the article's two manual runs and the standardised one.</summary>
public static class LinregRuns
{
    /// <summary>The kata's folder name.</summary>
    public static readonly string Kata = KataMetadata.KataFolderOf(typeof(LinregRuns).Assembly);

    /// <summary>The learning rate of the run on standardised data.</summary>
    public const double StandardisedRate = 0.1;

    /// <summary>Iterations of the run on standardised data.</summary>
    public const int StandardisedIterations = 50;

    /// <summary>The article's manual run from <paramref name="start"/>: float32, 25 iterations, rate 2e-5, intercept step ×1000.</summary>
    public static Trajectory Article(HeightWeightSample sample, Line start)
    {
        (Tensor heights, Tensor weights) = sample.ToTensors(ScalarType.Float32);
        using (heights)
        using (weights)
        {
            return GradientDescent.Run(heights, weights, start, LearningRates.Article, ArticleFacts.ManualIterations);
        }
    }

    /// <summary>Gradient descent on standardised data (float32, rate 0.1, 50 iterations).</summary>
    public static NormalisedFit Standardised(HeightWeightSample sample)
    {
        (Tensor heights, Tensor weights) = sample.ToTensors(ScalarType.Float32);
        using (heights)
        using (weights)
        {
            return Normalisation.Fit(heights, weights, StandardisedRate, StandardisedIterations);
        }
    }

    /// <summary>
    /// A standardised run in the data's own units: each line mapped back with the implementation's own
    /// <see cref="Normalisation.MapBack"/> (task 5), each loss scaled by σ_weight² (the loss of z_w is the
    /// loss of w divided by σ_weight²), and the final line mapped back likewise.
    /// </summary>
    public static Trajectory InOriginalUnits(NormalisedFit fit)
    {
        double lossScale = fit.Weights.StandardDeviation * fit.Weights.StandardDeviation;
        Trajectory run = fit.StandardisedTrajectory;
        return new Trajectory(run.Select(step =>
        {
            Line line = Normalisation.MapBack(step.Line, fit.Heights, fit.Weights);
            return new TrajectoryStep(step.Iteration, line.Slope, line.Intercept, step.Loss * lossScale);
        }), run.IsFinished ? Normalisation.MapBack(run.Final, fit.Heights, fit.Weights) : null);
    }
}
