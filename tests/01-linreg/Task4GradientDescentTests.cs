using System.Globalization;
using System.Text;
using Katas.Testing.Coaching;
using Katas.Figures;
using Katas.Testing;
using NUnit.Framework;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Linreg.Tests;

/// <summary>Task 4: GradientDescent.Run.</summary>
[KataTask(4)]
public sealed class Task4GradientDescentTests : KataTest
{
    private const int ArticleIterations = 25;

    [Test]
    public void The_run_records_one_entry_per_iteration_starting_at_the_start()
    {
        Trajectory run = Run(Oracle.ArticleStart2, LearningRates.Article, 7, ScalarType.Float64);
        Assert.That(run, Has.Count.EqualTo(7), $"Run(iterations: 7) recorded {run.Count} entries; record one per iteration.");
        Assert.That(run[0].Line, Is.EqualTo(Oracle.ArticleStart2),
            $"The first entry should be the starting line {Oracle.ArticleStart2} (parameters before the first step), but it is {run[0].Line}.");
        Assert.That(run.Select(step => step.Iteration), Is.EqualTo(Enumerable.Range(0, 7)), "Iterations should be numbered 0, 1, 2, ...");
    }

    [Test]
    public void The_run_records_where_it_ended_after_the_last_step()
    {
        Trajectory run = Run(Oracle.ArticleStart2, LearningRates.Article, 3, ScalarType.Float64);
        Assert.That(run.IsFinished, Is.True,
            "The run did not record where it ended: after the loop, call trajectory.Finish(slope, intercept) with the parameters after the last step.");
        // One gradient step, by the closed-form gradient, from the line the last iteration started from.
        Line last = run.Last.Line;
        (double slopeGradient, double interceptGradient) = Oracle.Gradient(Oracle.Sample.Heights, Oracle.Sample.Weights, last);
        var expected = new Line(last.Slope - LearningRates.Article.Slope * slopeGradient, last.Intercept - LearningRates.Article.Intercept * interceptGradient);
        Line final = run.Final;
        Assert.That(Close(final.Slope, expected.Slope, 1e-9) && Close(final.Intercept, expected.Intercept, 1e-9), Is.True,
            $"Trajectory.Final should be the line after the last update, {expected} (one step from the last entry {last}); yours is {final}." +
            (final == last ? " That is the last entry itself: read the parameters after the loop, not before the last step." : ""));
    }

    [Test]
    public void A_run_of_no_iterations_ends_where_it_started()
    {
        Trajectory run = Run(Oracle.ArticleStart1, LearningRates.Article, 0, ScalarType.Float64);
        Assert.That(run, Is.Empty, "Run(iterations: 0) should record no iterations.");
        Assert.That(run.IsFinished, Is.True, "Even a run of no iterations records where it ended (trajectory.Finish after the loop).");
        Line start = Oracle.ArticleStart1, end = run.Final;
        bool rounded = end != start && Math.Abs(end.Slope - start.Slope) < 1e-5 * Math.Abs(start.Slope) && Math.Abs(end.Intercept - start.Intercept) < 1e-5 * Math.Abs(start.Intercept);
        Assert.That(end, Is.EqualTo(start), string.Create(CultureInfo.InvariantCulture,
            $"With no steps the run ends at its start (slope {start.Slope:G17}, intercept {start.Intercept:G17}); yours ended at (slope {end.Slope:G17}, intercept {end.Intercept:G17}).") +
            (rounded ? " They differ only in the last digits a float32 keeps: make the slope and intercept in the data's dtype (heights.dtype), here float64." : ""));
    }

    [TestCase(1)]
    [TestCase(2)]
    public void The_articles_manual_runs_are_reproduced_in_float32(int startNumber)
    {
        Line start = startNumber == 1 ? Oracle.ArticleStart1 : Oracle.ArticleStart2;
        Trajectory run = Run(start, LearningRates.Article, ArticleIterations, ScalarType.Float32);
        Trajectory expected = Oracle.GradientDescent(Oracle.Sample.Heights, Oracle.Sample.Weights, start, LearningRates.Article, ArticleIterations);
        FailOnCoachFinding(run, LearningRates.Article);
        Assert.That(run, Has.Count.EqualTo(ArticleIterations));
        for (int i = 0; i < ArticleIterations; i++)
        {
            if (!Close(run[i].Slope, expected[i].Slope, 1e-4) || !Close(run[i].Intercept, expected[i].Intercept, 1e-4) ||
                !Close(run[i].Loss, expected[i].Loss, 1e-3))
            {
                Assert.Fail($"From {start} with learning rates {LearningRates.Article}, iteration {i} differs from gradient descent " +
                            $"computed in float64:\n{SideBySide(run, expected, i)}{LikelyCause(run, i, LearningRates.Article)}");
            }
        }
    }

    [TestCase(ScalarType.Float32)]
    [TestCase(ScalarType.Float64)]
    public void The_parameters_take_the_datas_dtype(ScalarType dtype)
    {
        // Trajectory records doubles, but they betray the parameters' dtype: a float32 tensor read with ToDouble() gives a
        // double that float32 holds exactly, while float64 parameters (from the start 6.041117 on) almost never do.
        Trajectory run = Run(Oracle.ArticleStart1, LearningRates.Article, 5, dtype);
        TrajectoryStep? wide = run.Cast<TrajectoryStep?>().FirstOrDefault(step => !FitsFloat32(step!.Value.Slope) || !FitsFloat32(step.Value.Intercept));
        if (dtype == ScalarType.Float32)
        {
            Assert.That(wide, Is.Null,
                $"Expected: on float32 data the slope and intercept are float32 tensors, so every value recorded is one float32 can hold. " +
                $"Got: iteration {wide?.Iteration} recorded ({wide?.Slope:G17}, {wide?.Intercept:G17}), which float32 cannot hold " +
                $"(nearest float32: ({(float)(wide?.Slope ?? 0):G9}, {(float)(wide?.Intercept ?? 0):G9})). Likely cause: the parameters were " +
                "created as float64 whatever the data: torch.tensor(double) makes a float64 tensor unless told otherwise. Create them with " +
                "dtype: heights.dtype (mixed dtypes still run, silently doing the parameters' arithmetic in the wrong precision).");
        }
        else
        {
            Assert.That(wide, Is.Not.Null,
                $"Expected: on float64 data the slope and intercept are float64 tensors. Got: all {run.Count} recorded lines are values " +
                "float32 can hold, starting with the start 6.041117 rounded to float32. Likely cause: the parameters were created as float32 " +
                "whatever the data (create them with dtype: heights.dtype), or their values were read through float32 when recorded " +
                "(ToSingle(), or a float variable): read them with ToDouble().");
        }
    }

    private static bool FitsFloat32(double value) => (double)(float)value == value;

    [Test]
    public void The_loss_falls_at_every_iteration_at_a_small_learning_rate()
    {
        Trajectory run = Run(Oracle.ArticleStart1, LearningRates.Article, ArticleIterations, ScalarType.Float32);
        FailOnCoachFinding(run, LearningRates.Article);
        for (int i = 1; i < run.Count; i++)
        {
            Assert.That(run[i].Loss, Is.LessThan(run[i - 1].Loss),
                $"At learning rates {LearningRates.Article} every step should lower the loss, but iteration {i} went from " +
                $"{run[i - 1].Loss} to {run[i].Loss}.");
        }
    }

    [Test]
    public void A_too_large_learning_rate_makes_the_loss_grow_at_every_step()
    {
        LearningRates tooLarge = LearningRates.Uniform(3e-4);
        Trajectory run = Run(Oracle.ArticleStart1, tooLarge, ArticleIterations, ScalarType.Float64);
        Assert.That(run, Has.Count.EqualTo(ArticleIterations), $"The run should record all {ArticleIterations} iterations even when it diverges.");
        Diagnosis? diagnosis = Coach.ExamineLosses(run.Losses, tooLarge.ToString());
        Assert.That(diagnosis?.Symptom, Is.EqualTo(Symptom.Diverging),
            $"With learning rate {tooLarge} gradient descent on the raw data overshoots more at every step; the coach should " +
            $"see the loss grow, but it saw: {diagnosis?.Message ?? "nothing wrong"} (losses {string.Join(", ", run.Losses.Take(5).Select(l => l.ToString("G4")))}, ...). " +
            "Does your run use the learning rates it was given?");
    }

    [Test]
    public void The_run_does_not_leak_tensors()
    {
        (Tensor heights, Tensor weights) = Oracle.Sample.ToTensors(ScalarType.Float32);
        LeakCheck.AssertNoLeak(iterations => GradientDescent.Run(heights, weights, Oracle.ArticleStart1, LearningRates.Article, iterations),
            "GradientDescent.Run");
    }

    [Test]
    public void A_run_leaves_none_of_its_tensors_to_the_garbage_collector()
    {
        (Tensor heights, Tensor weights) = Oracle.Sample.ToTensors(ScalarType.Float32);
        LeakCheck.AssertLeavesNoTensors(() => GradientDescent.Run(heights, weights, Oracle.ArticleStart1, LearningRates.Article, 3), "GradientDescent.Run");
    }

    [Test]
    public void The_articles_first_run_draws_the_articles_figure()
    {
        Trajectory run = Run(Oracle.ArticleStart1, LearningRates.Article, ArticleIterations, ScalarType.Float32);
        FailOnCoachFinding(run, LearningRates.Article);
        Line optimum = Oracle.LeastSquares(Oracle.Sample.Heights, Oracle.Sample.Weights);
        RenderedRun figures = LineFitFigures.WriteRun(Oracle.Sample, run, optimum,
            Oracle.MeanSquaredError(Oracle.Sample.Heights, Oracle.Sample.Weights, optimum), "Article run 1",
            KataEnvironment.ArtifactFolder("01-linreg"), "article-run-1", KataEnvironment.Animate);
        TestContext.Out.WriteLine($"Figures: {figures.Files}");
        SnapshotAssert.Matches(figures.LastFrame, "article-run-1", $"the article's first run (figures: {figures.Files})");
    }

    internal static Trajectory Run(Line start, LearningRates rates, int iterations, ScalarType dtype)
    {
        (Tensor heights, Tensor weights) = Oracle.Sample.ToTensors(dtype);
        Trajectory? run = LearnerCode.Run(() => GradientDescent.Run(heights, weights, start, rates, iterations), "GradientDescent.Run");
        Assert.That(run, Is.Not.Null, "GradientDescent.Run returned null; return the Trajectory you recorded.");
        return run;
    }

    internal static void FailOnCoachFinding(Trajectory run, LearningRates rates)
    {
        Diagnosis? diagnosis = Coach.ExamineLosses(run.Losses, rates.ToString());
        if (diagnosis is not null)
        {
            Assert.Fail(diagnosis.Message);
        }
    }


    /// <summary>
    /// A run's losses and steps follow from task 1's loss: when the learner's MeanSquaredError is already wrong at
    /// <paramref name="line"/>, that is the cause to name. Null when it agrees with the MSE computed in plain loops.
    /// </summary>
    internal static string? WrongLoss(Line line)
    {
        (Tensor heights, Tensor weights) = Oracle.Sample.ToTensors(ScalarType.Float64);
        using Tensor slope = torch.tensor(line.Slope, dtype: ScalarType.Float64);
        using Tensor intercept = torch.tensor(line.Intercept, dtype: ScalarType.Float64);
        double yours = LearnerCode.Run(() => Loss.MeanSquaredError(heights, weights, slope, intercept).ToDouble(), "Loss.MeanSquaredError");
        double expected = Oracle.MeanSquaredError(Oracle.Sample.Heights, Oracle.Sample.Weights, line);
        return Math.Abs(yours - expected) <= 1e-9 * Math.Max(1, Math.Abs(expected))
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"\nLikely cause: your Loss.MeanSquaredError (task 1) gives {yours:G8} at {line}, where the mean squared error is {expected:G8}: ") +
              "every loss and step of the run follows from it, so fix task 1 first (its tests say how it differs).";
    }

    /// <summary>
    /// What the step into iteration <paramref name="iteration"/> looks like, measured against the gradients at the
    /// learner's own earlier points (closed form): the plausible bugs each move by a known multiple of them.
    /// </summary>
    private static string LikelyCause(Trajectory run, int iteration, LearningRates rates)
    {
        if (WrongLoss(run[0].Line) is { } earlier)
        {
            return earlier;
        }

        if (iteration == 0)
        {
            return "\nLikely cause: the first entry should be the starting line and its loss, recorded before the first step.";
        }

        int k = iteration - 1;
        double actualSlope = run[iteration].Slope - run[k].Slope;
        double actualIntercept = run[iteration].Intercept - run[k].Intercept;
        (double gs, double gi) = Oracle.Gradient(Oracle.Sample.Heights, Oracle.Sample.Weights, run[k].Line);
        double sumSlope = 0;
        double sumIntercept = 0;
        for (int j = 0; j <= k; j++)
        {
            (double s, double b) = Oracle.Gradient(Oracle.Sample.Heights, Oracle.Sample.Weights, run[j].Line);
            sumSlope += s;
            sumIntercept += b;
        }

        (string Cause, double Slope, double Intercept)[] candidates =
        [
            ("the gradients are never reset (zero_grad, or .grad.zero_()), so each step adds up all earlier gradients", -rates.Slope * sumSlope, -rates.Intercept * sumIntercept),
            ("the step goes uphill: the update adds the gradient instead of subtracting it", rates.Slope * gs, rates.Intercept * gi),
            ("the step is twice as long as it should be: the update is applied twice, or the rate is applied twice", -2 * rates.Slope * gs, -2 * rates.Intercept * gi),
        ];
        foreach ((string cause, double slope, double intercept) in candidates)
        {
            if (Close(actualSlope, slope, 0.02) && Close(actualIntercept, intercept, 0.02))
            {
                return $"\nLikely cause: {cause}.";
            }
        }

        return k + 1 < run.Count && Close(run[k].Slope, Oracle.GradientDescent(Oracle.Sample.Heights, Oracle.Sample.Weights, run[0].Line, rates, k + 2)[k + 1].Slope, 1e-6)
            ? "\nLikely cause: the recorded line is the one after the step, not the one before it."
            : "\nCompare your step (the change from one row to the next) with −rate × gradient at the row above it.";
    }

    private static bool Close(double actual, double expected, double relative) =>
        Math.Abs(actual - expected) <= relative * Math.Abs(expected);

    private static string SideBySide(Trajectory yours, Trajectory expected, int highlight)
    {
        var table = new StringBuilder();
        table.AppendLine("  iter       yours: slope   intercept        loss    expected: slope   intercept        loss");
        for (int i = Math.Max(0, highlight - 2); i <= Math.Min(yours.Count - 1, highlight + 2); i++)
        {
            table.AppendLine($"  {i,4}{yours[i].Slope,18:G7}{yours[i].Intercept,12:G7}{yours[i].Loss,12:G6}" +
                             $"{expected[i].Slope,20:G7}{expected[i].Intercept,12:G7}{expected[i].Loss,12:G6}{(i == highlight ? "  <--" : "")}");
        }

        return table.ToString();
    }
}
