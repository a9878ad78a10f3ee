using Katas.Figures;
using Katas.Testing;
using NUnit.Framework;
using TorchSharp;
using static TorchSharp.torch;

using Katas.Linreg.Kit;

namespace Katas.Linreg.Tests;

/// <summary>Task 5: Normalisation.Standardise, MapBack and Fit.</summary>
[KataTask(5)]
public sealed class Task5NormalisationTests : KataTest
{
    private const double LearningRate = 0.1;
    private const int Iterations = 50;

    [Test]
    public void Standardising_leaves_the_callers_values_where_they_were()
    {
        (Tensor heights, _) = Oracle.Sample.ToTensors(ScalarType.Float64);
        double[] original = TensorAssert.ToDoubles(heights);
        LearnerCode.Run(() => Normalisation.Standardise(heights), "Normalisation.Standardise");
        double[] after = TensorAssert.ToDoubles(heights);
        int changed = original.Zip(after).Count(pair => pair.First != pair.Second);
        Assert.That(changed, Is.Zero, () =>
        {
            int first = original.Zip(after).TakeWhile(pair => pair.First == pair.Second).Count();
            return "Expected: Standardise leaves the heights it is given as they were (the caller maps its line back with them). Got: " +
                   $"{changed} of {original.Length} changed, height {first} from {original[first]} to {after[first]}. Likely cause: " +
                   "standardising in place (sub_, div_) on the caller's tensor; (values − mean) / std makes a new one.";
        });
    }

    [TestCase(ScalarType.Float64)]
    [TestCase(ScalarType.Float32)]
    public void Standardising_uses_the_mean_and_population_standard_deviation(ScalarType dtype)
    {
        (Tensor heights, _) = Oracle.Sample.ToTensors(dtype);
        (Tensor standardised, Standardisation statistics) = LearnerCode.Run(() => Normalisation.Standardise(heights), "Normalisation.Standardise");
        Assert.Multiple(() =>
        {
            Assert.That(statistics.Mean, Is.EqualTo(68.8816).Within(1e-4), "The heights' mean is 68.8816.");
            Assert.That(statistics.StandardDeviation, Is.EqualTo(2.5004).Within(1e-4),
                $"The heights' population standard deviation is 2.5004; yours is {statistics.StandardDeviation}." +
                (Math.Abs(statistics.StandardDeviation - 2.5088) < 1e-3
                    ? " That is the sample standard deviation (divides by n − 1): use std(unbiased: false)."
                    : ""));
        });
        TensorAssert.HasShape(standardised, [Oracle.Sample.Count], "The standardised heights");
        Assert.That(standardised.dtype, Is.EqualTo(dtype),
            $"Expected: the standardised heights keep the data's dtype, {dtype}. Got: {standardised.dtype}. Likely cause: a conversion (to_type) " +
            "before standardising; (values − mean) / std keeps the dtype, and Fit's gradient descent runs in the standardised data's dtype.");
        double[] z = TensorAssert.ToDoubles(standardised);
        double mean = z.Average();
        double variance = z.Select(v => (v - mean) * (v - mean)).Average();
        // float32 holds about 7 significant digits: its mean and variance are exact to a few 1e-7.
        double tolerance = dtype == ScalarType.Float64 ? 1e-12 : 1e-5;
        Assert.That(mean, Is.EqualTo(0).Within(tolerance), "Standardised values should have mean 0.");
        Assert.That(variance, Is.EqualTo(1).Within(tolerance), "Standardised values should have (population) variance 1.");
    }

    [Test]
    public void Mapping_back_gives_the_same_line_in_inches_and_pounds()
    {
        var heights = new Standardisation(68.8816, 2.5004);
        var weights = new Standardisation(185.5908, 18.8488);
        var standardised = new Line(0.8, 0.05);
        Line mapped = LearnerCode.Run(() => Normalisation.MapBack(standardised, heights, weights), "Normalisation.MapBack");
        // The line through the two heights evaluated the long way: its slope is right whatever the intercept does.
        double slope = weights.StandardDeviation / heights.StandardDeviation * standardised.Slope;
        double interceptGap = weights.Invert(standardised.At(heights.Apply(0))) - mapped.Intercept;
        string cause = Math.Abs(mapped.Slope - slope) < 1e-9 && Math.Abs(interceptGap) > 1e-9 &&
                       (Math.Abs(interceptGap - (weights.StandardDeviation * standardised.Intercept)) < 1e-9 ||
                        Math.Abs(interceptGap - ((weights.StandardDeviation - 1) * standardised.Intercept)) < 1e-9)
            ? $"Your slope is right, but your intercept is {interceptGap:G6} too small: the standardised intercept b = {standardised.Intercept} enters in " +
              $"pounds as std_w·b = {weights.StandardDeviation * standardised.Intercept:G6}. From w = mean_w + std_w·(a·z_h + b): " +
              "intercept = mean_w + std_w·b − slope·mean_h."
            : "Substitute z_h = (h − mean_h)/std_h and z_w = (w − mean_w)/std_w into z_w = a·z_h + b and solve for w; " +
              "each variable must use its own statistics.";
        foreach (double h in new[] { 60.0, 75.0 })
        {
            // The standardised line, evaluated the long way: standardise h, apply the line, undo the weights' standardisation.
            double expected = weights.Invert(standardised.At(heights.Apply(h)));
            Assert.That(mapped.At(h), Is.EqualTo(expected).Within(1e-9),
                $"At height {h} the standardised line predicts {expected:F4} pounds but your mapped line {mapped} predicts {mapped.At(h):F4}. {cause}");
        }
    }

    [Test]
    public void Gradient_descent_on_standardised_data_lands_on_the_least_squares_line_far_sooner_than_on_raw_data()
    {
        (Tensor heights, Tensor weights) = Oracle.Sample.ToTensors(ScalarType.Float32);
        NormalisedFit fit = LearnerCode.Run(() => Normalisation.Fit(heights, weights, LearningRate, Iterations), "Normalisation.Fit");
        Line leastSquares = Oracle.LeastSquares(Oracle.Sample.Heights, Oracle.Sample.Weights);
        Trajectory raw = Oracle.GradientDescent(Oracle.Sample.Heights, Oracle.Sample.Weights, Oracle.ArticleStart1, LearningRates.Article, Iterations);

        double normalisedError = RelativeError(fit.Line, leastSquares);
        double rawError = RelativeError(raw.Last.Line, leastSquares);
        string sideBySide =
            $"\n  least squares (normal equations): {leastSquares}" +
            $"\n  standardised data, rate {LearningRate}, {Iterations} iterations: {fit.Line} (relative error {normalisedError:G3})" +
            $"\n  raw data, article rates {LearningRates.Article}, {Iterations} iterations: {raw.Last.Line} (relative error {rawError:G3})";
        Assert.That(fit.StandardisedTrajectory, Has.Count.EqualTo(Iterations),
            $"Fit should run {Iterations} iterations and return their trajectory.");
        Assert.That(normalisedError, Is.LessThan(1e-3),
            $"After {Iterations} steps on standardised data the line should be within 1e-3 (relative) of least squares.{sideBySide}");
        Assert.That(rawError, Is.GreaterThan(100 * normalisedError),
            $"The raw-data run should still be far away after as many steps.{sideBySide}");
    }

    [Test]
    public void Fit_leaves_none_of_its_tensors_to_the_garbage_collector()
    {
        (Tensor heights, Tensor weights) = Oracle.Sample.ToTensors(ScalarType.Float64);
        LeakCheck.AssertLeavesNoTensors(() => Normalisation.Fit(heights, weights, LearningRate, 3), "Normalisation.Fit");
    }

    [Test]
    public void Fit_returns_the_statistics_it_standardised_with()
    {
        // Figures and the tool map every point of the run back with these (LinregRuns.InOriginalUnits), not only the last line.
        (Tensor heights, Tensor weights) = Oracle.Sample.ToTensors(ScalarType.Float64);
        NormalisedFit fit = LearnerCode.Run(() => Normalisation.Fit(heights, weights, LearningRate, 3), "Normalisation.Fit");
        (_, Standardisation expectedHeights) = StandardiseByHand(Oracle.Sample.Heights);
        (_, Standardisation expectedWeights) = StandardiseByHand(Oracle.Sample.Weights);
        bool swapped = Math.Abs(fit.Heights.Mean - expectedWeights.Mean) < 1e-6 && Math.Abs(fit.Weights.Mean - expectedHeights.Mean) < 1e-6;
        foreach ((string name, Standardisation actual, Standardisation expected) in new[] { ("Heights", fit.Heights, expectedHeights), ("Weights", fit.Weights, expectedWeights) })
        {
            bool float32 = Float32Rounded(actual.Mean, expected.Mean) && Float32Rounded(actual.StandardDeviation, expected.StandardDeviation)
                           && (actual.Mean != expected.Mean || actual.StandardDeviation != expected.StandardDeviation);
            string rounding = float32
                ? " They agree only to float32's precision: the statistics were read with ToSingle() (or computed in float32). Read them with ToDouble()."
                : "";
            Assert.That(actual.Mean, Is.EqualTo(expected.Mean).Within(1e-9).Percent,
                $"Expected: NormalisedFit.{name} is the {name.ToLowerInvariant()}' statistics, mean {expected.Mean:R} and standard deviation {expected.StandardDeviation:R}. " +
                $"Got: mean {actual.Mean:R}, standard deviation {actual.StandardDeviation:R}." +
                (swapped ? " The heights' and the weights' statistics are swapped: new NormalisedFit(line, run, heightStatistics, weightStatistics)." : rounding));
            Assert.That(actual.StandardDeviation, Is.EqualTo(expected.StandardDeviation).Within(1e-9).Percent,
                $"Expected: NormalisedFit.{name}.StandardDeviation {expected.StandardDeviation:R} (population). Got: {actual.StandardDeviation:R}.{rounding}");
        }

        static bool Float32Rounded(double actual, double expected) =>
            Math.Abs(actual - expected) <= Katas.Testing.Oracles.GradientCheck.Float32Precision * Math.Abs(expected);
    }

    [TestCase(0.03)]
    [TestCase(0.3)]
    public void Fit_runs_gradient_descent_at_the_learning_rate_it_is_given(double rate)
    {
        const int iterations = 8;
        (Tensor heights, Tensor weights) = Oracle.Sample.ToTensors(ScalarType.Float64);
        NormalisedFit fit = LearnerCode.Run(() => Normalisation.Fit(heights, weights, rate, iterations), "Normalisation.Fit");
        (double[] zHeights, Standardisation heightStatistics) = StandardiseByHand(Oracle.Sample.Heights);
        (double[] zWeights, Standardisation weightStatistics) = StandardiseByHand(Oracle.Sample.Weights);
        Trajectory expected = Oracle.GradientDescent(zHeights, zWeights, new Line(0, 0), LearningRates.Uniform(rate), iterations);
        Assert.That(fit.StandardisedTrajectory, Has.Count.EqualTo(iterations), $"Fit(iterations: {iterations}) should return a trajectory of {iterations} entries.");
        for (int i = 0; i < iterations; i++)
        {
            TrajectoryStep yours = fit.StandardisedTrajectory[i];
            if (Math.Abs(yours.Slope - expected[i].Slope) > 1e-9 || Math.Abs(yours.Intercept - expected[i].Intercept) > 1e-9)
            {
                // On standardised data ∂MSE/∂a = 2(a − r) and the run starts at a = 0, so the first step is a = 2·rate·r.
                double impliedRate = fit.StandardisedTrajectory.Count > 1 ? fit.StandardisedTrajectory[1].Slope / expected[1].Slope * rate : double.NaN;
                string cause = EarlierTaskCause(zHeights, zWeights, rate, expected)
                               ?? (Math.Abs(impliedRate - rate) <= 1e-6 * rate
                                   ? $" Your first step is at rate {rate}, the right one, and your GradientDescent.Run gives the right run on data standardised " +
                                     "by hand. Likely cause: Fit runs on data standardised otherwise (check Standardise's tests), or for another number of iterations."
                                   : $" Your first step corresponds to a learning rate of {impliedRate:G4}. Likely cause: Fit does not pass its learningRate on " +
                                     "(LearningRates.Uniform(learningRate)), or it starts elsewhere than (0, 0).");
                Assert.Fail($"Expected: Fit(learning rate {rate}) runs gradient descent from (0, 0) on the standardised data at rate {rate}, " +
                            $"so iteration {i} is at {expected[i].Line} (float64 gradient descent on data standardised by hand). " +
                            $"Got: {yours.Line}.{cause}");
            }
        }

        Line expectedLine = Oracle.MapBack(expected.Final, heightStatistics, weightStatistics);
        Line beforeLastStep = Oracle.MapBack(expected.Last.Line, heightStatistics, weightStatistics);
        string message = $"Fit should map the line the run ended on (trajectory.Final, after the last step) back to pounds and inches: " +
                         $"expected {expectedLine}, got {fit.Line}." +
                         (Math.Abs(fit.Line.Slope - beforeLastStep.Slope) < 1e-9 * Math.Abs(beforeLastStep.Slope) + 1e-12
                             ? " Yours is the line BEFORE the last step: map trajectory.Final, not trajectory.Last."
                             : "");
        Assert.That(fit.Line.Slope, Is.EqualTo(expectedLine.Slope).Within(1e-9).Percent, message);
        Assert.That(fit.Line.Intercept, Is.EqualTo(expectedLine.Intercept).Within(1e-9).Percent, message);
    }

    /// <summary>
    /// Fit's run follows from the earlier tasks: when the learner's loss (task 1) or GradientDescent.Run (tasks 3 and 4, on the
    /// data standardised by hand) is already wrong, that is the cause to name, not Fit. Null when both agree with the oracle.
    /// </summary>
    private static string? EarlierTaskCause(double[] zHeights, double[] zWeights, double rate, Trajectory expected)
    {
        if (Task4GradientDescentTests.WrongLoss(Oracle.ArticleStart1) is { } wrongLoss)
        {
            return wrongLoss;
        }

        using Tensor heights = torch.tensor(zHeights, dtype: ScalarType.Float64);
        using Tensor weights = torch.tensor(zWeights, dtype: ScalarType.Float64);
        Trajectory run = LearnerCode.Run(() => GradientDescent.Run(heights, weights, new Line(0, 0), LearningRates.Uniform(rate), expected.Count), "GradientDescent.Run");
        for (int i = 0; i < Math.Min(run.Count, expected.Count); i++)
        {
            if (Math.Abs(run[i].Slope - expected[i].Slope) > 1e-9 || Math.Abs(run[i].Intercept - expected[i].Intercept) > 1e-9)
            {
                return $"\nLikely cause: your GradientDescent.Run (task 4) already differs on data standardised by hand, at iteration {i}: " +
                       $"(slope {run[i].Slope:G12}, intercept {run[i].Intercept:G12}) against (slope {expected[i].Slope:G12}, intercept {expected[i].Intercept:G12}). Fit's steps are its steps, so fix tasks 3 and 4 first (./kata check 01 --task 3, then --task 4: " +
                       "their tests say how a step differs; the article's rates there are 1,000 apart, these are equal).";
            }
        }

        return null;
    }

    private static (double[] Standardised, Standardisation Statistics) StandardiseByHand(IReadOnlyList<double> values)
    {
        double mean = values.Average();
        double std = Math.Sqrt(values.Select(v => (v - mean) * (v - mean)).Average());
        return (values.Select(v => (v - mean) / std).ToArray(), new Standardisation(mean, std));
    }

    [Test]
    public void The_standardised_run_draws_the_articles_figure()
    {
        (Tensor heights, Tensor weights) = Oracle.Sample.ToTensors(ScalarType.Float32);
        NormalisedFit fit = LearnerCode.Run(() => Normalisation.Fit(heights, weights, LearningRate, Iterations), "Normalisation.Fit");
        Line optimum = Oracle.LeastSquares(Oracle.Sample.Heights, Oracle.Sample.Weights);
        RenderedRun figures = LineFitFigures.WriteRun(Oracle.Sample, LinregRuns.InOriginalUnits(fit), optimum,
            Oracle.MeanSquaredError(Oracle.Sample.Heights, Oracle.Sample.Weights, optimum), "Standardised data",
            KataEnvironment.ArtifactFolder("01-linreg"), "standardised-run", KataEnvironment.Animate);
        TestContext.Out.WriteLine($"Figures: {figures.Files}");
        SnapshotAssert.Matches(figures.LastFrame, "standardised-run", $"the standardised run (figures: {figures.Files})");
    }

    private static double RelativeError(Line actual, Line expected) =>
        Math.Max(Math.Abs(actual.Slope - expected.Slope) / Math.Abs(expected.Slope),
            Math.Abs(actual.Intercept - expected.Intercept) / Math.Abs(expected.Intercept));
}
