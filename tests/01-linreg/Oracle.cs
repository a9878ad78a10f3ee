using Katas.Data;
using Katas.Testing;

namespace Katas.Linreg.Tests;

/// <summary>
/// Independent answers, in plain float64 loops, for checking the learner's tensor code:
/// the loss, its closed-form gradient, the least-squares line and a gradient-descent run.
/// </summary>
internal static class Oracle
{
    public static HeightWeightSample Sample => KataData.HeightWeight;

    /// <summary>The article's two starting points for its manual runs.</summary>
    public static Line ArticleStart1 { get; } = new(6.041117, -180);

    public static Line ArticleStart2 { get; } = new(5.0, -230.530985);

    public static double MeanSquaredError(IReadOnlyList<double> h, IReadOnlyList<double> w, Line line)
    {
        double sum = 0;
        for (int i = 0; i < h.Count; i++)
        {
            double error = line.At(h[i]) - w[i];
            sum += error * error;
        }

        return sum / h.Count;
    }

    /// <summary>∂MSE/∂slope = (2/n)Σe·h and ∂MSE/∂intercept = (2/n)Σe, with e = slope·h + intercept − w.</summary>
    public static (double Slope, double Intercept) Gradient(IReadOnlyList<double> h, IReadOnlyList<double> w, Line line)
    {
        double slope = 0;
        double intercept = 0;
        for (int i = 0; i < h.Count; i++)
        {
            double error = line.At(h[i]) - w[i];
            slope += error * h[i];
            intercept += error;
        }

        return (2 * slope / h.Count, 2 * intercept / h.Count);
    }

    /// <summary>Ordinary least squares by the normal equations, solved exactly for two unknowns.</summary>
    public static Line LeastSquares(IReadOnlyList<double> h, IReadOnlyList<double> w)
    {
        double n = h.Count;
        double sumH = h.Sum();
        double sumW = w.Sum();
        double sumHH = h.Sum(x => x * x);
        double sumHW = h.Zip(w, (x, y) => x * y).Sum();
        double slope = (n * sumHW - sumH * sumW) / (n * sumHH - sumH * sumH);
        return new Line(slope, (sumW - slope * sumH) / n);
    }

    /// <summary>The line z_w = a·z_h + b in the data's units: w = a·(std_w/std_h)·h + mean_w + std_w·b − slope·mean_h.</summary>
    public static Line MapBack(Line standardised, Standardisation heights, Standardisation weights)
    {
        double slope = standardised.Slope * weights.StandardDeviation / heights.StandardDeviation;
        return new Line(slope, weights.Mean + weights.StandardDeviation * standardised.Intercept - slope * heights.Mean);
    }

    public static Trajectory GradientDescent(IReadOnlyList<double> h, IReadOnlyList<double> w, Line start, LearningRates rates, int iterations)
    {
        var run = new Trajectory();
        Line line = start;
        for (int i = 0; i < iterations; i++)
        {
            run.Add(line.Slope, line.Intercept, MeanSquaredError(h, w, line));
            (double slope, double intercept) = Gradient(h, w, line);
            line = new Line(line.Slope - rates.Slope * slope, line.Intercept - rates.Intercept * intercept);
        }

        run.Finish(line.Slope, line.Intercept);
        return run;
    }
}
