using Katas.Testing.Coaching;
using Katas.Data;
using Katas.Figures;
using Katas.Optimizers.Tests.Oracles;
using Katas.Testing;
using Katas.Optimizers.Kit;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Katas.Optimizers.Tests;

/// <summary>Task 1: BuiltInOptimizers.Create and OptimizerRun.Run.</summary>
[KataTask(1)]
public sealed class Task1BuiltInOptimizersTests : KataTest
{
    private static HeightWeightSample Sample => KataData.HeightWeight;
    private static readonly Line ArticleStart = new(6.041117, -180);
    private const double OptimumMse = 127.1024;

    private static readonly object[] Kinds =
    [
        new object[] { new OptimizerSettings(OptimizerKind.Sgd, 1e-3, WeightDecay: 0.05), (Func<IEnumerable<Parameter>, optim.Optimizer>)(p => optim.SGD(p, 1e-3, weight_decay: 0.05)) },
        new object[] { new OptimizerSettings(OptimizerKind.Momentum, 1e-3, Momentum: 0.7), (Func<IEnumerable<Parameter>, optim.Optimizer>)(p => optim.SGD(p, 1e-3, momentum: 0.7)) },
        new object[] { new OptimizerSettings(OptimizerKind.Momentum, 1e-3, Momentum: 0.8, Nesterov: true), (Func<IEnumerable<Parameter>, optim.Optimizer>)(p => optim.SGD(p, 1e-3, momentum: 0.8, nesterov: true)) },
        new object[] { new OptimizerSettings(OptimizerKind.RmsProp, 0.01, Alpha: 0.9, Eps: 1e-3), (Func<IEnumerable<Parameter>, optim.Optimizer>)(p => optim.RMSProp(p, 0.01, alpha: 0.9, eps: 1e-3)) },
        new object[] { new OptimizerSettings(OptimizerKind.Adam, 0.01, Beta1: 0.8, Beta2: 0.9, Eps: 1e-3), (Func<IEnumerable<Parameter>, optim.Optimizer>)(p => optim.Adam(p, 0.01, beta1: 0.8, beta2: 0.9, eps: 1e-3)) },
        new object[] { new OptimizerSettings(OptimizerKind.Adagrad, 0.1, InitialAccumulator: 0.5, Eps: 1e-3), (Func<IEnumerable<Parameter>, optim.Optimizer>)(p => optim.Adagrad(p, 0.1, initial_accumulator_value: 0.5, eps: 1e-3)) },
        // Every kind that takes weight decay, with it: L2, added to the gradient (TorchSharp's weight_decay).
        new object[] { new OptimizerSettings(OptimizerKind.Momentum, 1e-3, Momentum: 0.7, WeightDecay: 0.05), (Func<IEnumerable<Parameter>, optim.Optimizer>)(p => optim.SGD(p, 1e-3, momentum: 0.7, weight_decay: 0.05)) },
        new object[] { new OptimizerSettings(OptimizerKind.Momentum, 1e-3, Momentum: 0.8, Nesterov: true, WeightDecay: 0.05), (Func<IEnumerable<Parameter>, optim.Optimizer>)(p => optim.SGD(p, 1e-3, momentum: 0.8, nesterov: true, weight_decay: 0.05)) },
        new object[] { new OptimizerSettings(OptimizerKind.RmsProp, 0.01, Alpha: 0.9, Eps: 1e-3, WeightDecay: 0.05), (Func<IEnumerable<Parameter>, optim.Optimizer>)(p => optim.RMSProp(p, 0.01, alpha: 0.9, eps: 1e-3, weight_decay: 0.05)) },
        new object[] { new OptimizerSettings(OptimizerKind.Adam, 0.01, Beta1: 0.8, Beta2: 0.9, Eps: 1e-3, WeightDecay: 0.05), (Func<IEnumerable<Parameter>, optim.Optimizer>)(p => optim.Adam(p, 0.01, beta1: 0.8, beta2: 0.9, eps: 1e-3, weight_decay: 0.05)) },
        new object[] { new OptimizerSettings(OptimizerKind.Adagrad, 0.1, InitialAccumulator: 0.5, Eps: 1e-3, WeightDecay: 0.05), (Func<IEnumerable<Parameter>, optim.Optimizer>)(p => optim.Adagrad(p, 0.1, initial_accumulator_value: 0.5, eps: 1e-3, weight_decay: 0.05)) },
    ];

    [TestCaseSource(nameof(Kinds))]
    public void Create_makes_TorchSharps_optimizer_with_every_hyperparameter(OptimizerSettings settings, Func<IEnumerable<Parameter>, optim.Optimizer> reference)
    {
        List<double[]> yours = LearnerCode.Run(() => StepByStep.Trace(Problem.Rosenbrock, p => new TorchOptimizer(BuiltInOptimizers.Create(p, settings)), 20),
            "BuiltInOptimizers.Create");
        List<double[]> expected = StepByStep.Trace(Problem.Rosenbrock, p => new TorchOptimizer(reference(p)), 20);
        if (StepByStep.Compare(yours, expected, 1e-12) is Difference difference)
        {
            Assert.Fail($"Create({settings}) does not behave like TorchSharp's optimizer with the same settings: {difference} " +
                        (LostArgumentCheck.Diagnose(Problem.Rosenbrock, settings, yours) ??
                         "Create only hands the settings to TorchSharp, so the cause is in its named arguments: every setting this kind uses must " +
                         "reach its argument (lr, momentum, nesterov, alpha, eps, weight_decay, ...), and no argument the kind does not use may be " +
                         "passed (momentum: given to RMSProp, say). What your steps look like: " +
                         Cause.Of(Problem.Rosenbrock, settings, yours, difference)));
        }
    }

    [Test]
    public void Keras_style_RMSprop_is_refused_with_a_pointer_to_task_2()
    {
        Exception? thrown = null;
        LearnerCode.Run(() =>
        {
            try
            {
                BuiltInOptimizers.Create([new Parameter(torch.tensor(1.0))], OptimizerSettings.ArticleRmsProp);
            }
            catch (NotSupportedException e)
            {
                thrown = e;
            }
        }, "BuiltInOptimizers.Create");
        Assert.That(thrown, Is.Not.Null,
            "TorchSharp's RMSProp puts ε outside the square root; asked for Keras' ε inside it, Create should throw NotSupportedException " +
            "(silently ignoring a setting gives wrong results without a word).");
        Assert.That(thrown!.Message, Does.Contain("task 2"), "The message should say where Keras' convention lives: your own RmsProp (task 2).");
    }

    [Test]
    public void With_plain_SGD_the_run_is_kata_01s_gradient_descent()
    {
        (Tensor heights, Tensor weights) = Sample.ToTensors(ScalarType.Float64);
        Trajectory run = LearnerCode.Run(() => OptimizerRun.Run(heights, weights, ArticleStart,
            p => new TorchOptimizer(optim.SGD(p, 2e-5)), 5), "OptimizerRun.Run");
        Assert.That(run, Has.Count.EqualTo(5), "Record one entry per iteration.");
        Line line = ArticleStart;
        for (int i = 0; i < 5; i++)
        {
            (double gSlope, double gIntercept) = Gradient(line);
            Assert.That(run[i].Slope, Is.EqualTo(line.Slope).Within(1e-9).Percent, Message(i, line, run[i]));
            Assert.That(run[i].Intercept, Is.EqualTo(line.Intercept).Within(1e-9).Percent, Message(i, line, run[i]));
            line = new Line(line.Slope - 2e-5 * gSlope, line.Intercept - 2e-5 * gIntercept);
        }

        string Message(int i, Line expected, TrajectoryStep actual)
        {
            // At the third iteration a run that never zeroes the gradients steps with the first two gradients' sum.
            if (i == 2)
            {
                double used = (run[1].Slope - actual.Slope) / 2e-5;
                double own = Gradient(run[1].Line).Slope;
                if (Math.Abs(used - (own + Gradient(run[0].Line).Slope)) < 1e-6 * Math.Abs(used))
                {
                    return Coach.GradientsAccumulated("slope", own, used).Message;
                }
            }

            return $"Iteration {i} should start from {expected} (plain gradient descent, rate 2e-5), but your run recorded {actual.Line}. " +
                   "Each iteration: zero_grad(), compute the loss, backward(), step(); record the parameters and loss before the step.";
        }
    }

    [Test]
    public void The_run_records_where_it_ended_after_the_last_step()
    {
        (Tensor heights, Tensor weights) = Sample.ToTensors(ScalarType.Float64);
        Trajectory run = LearnerCode.Run(() => OptimizerRun.Run(heights, weights, ArticleStart,
            p => new TorchOptimizer(optim.SGD(p, 2e-5)), 3), "OptimizerRun.Run");
        // Three plain gradient-descent steps by the closed-form gradient: where the run must end.
        Line expected = ArticleStart;
        for (int i = 0; i < 3; i++)
        {
            (double gSlope, double gIntercept) = Gradient(expected);
            expected = new Line(expected.Slope - 2e-5 * gSlope, expected.Intercept - 2e-5 * gIntercept);
        }

        Assert.That(run.IsFinished, Is.True,
            "The run did not record where it ended: after the loop, call trajectory.Finish(slope, intercept) with the parameters after the last step.");
        Line final = run.Final;
        Assert.That(final.Slope, Is.EqualTo(expected.Slope).Within(1e-9).Percent,
            $"Trajectory.Final should be the line after the third step, {expected}; yours is {final}." +
            (run.Count > 0 && final == run.Last.Line ? " That is the last entry (before the last step): read the parameters after the loop." : ""));
        Assert.That(final.Intercept, Is.EqualTo(expected.Intercept).Within(1e-9).Percent,
            $"Trajectory.Final should be the line after the third step, {expected}; yours is {final}.");
    }

    [Test]
    public void The_optimizer_is_created_once_so_Adam_keeps_its_running_averages()
    {
        (Tensor heights, Tensor weights) = Sample.ToTensors(ScalarType.Float64);
        int created = 0;
        Trajectory yours = LearnerCode.Run(() => OptimizerRun.Run(heights, weights, ArticleStart, p =>
        {
            created++;
            return new TorchOptimizer(optim.Adam(p, 0.1));
        }, 10), "OptimizerRun.Run");
        Assert.That(created, Is.EqualTo(1),
            $"The optimizer factory was called {created} times for 10 iterations. Create the optimizer once, before the loop: " +
            "Adam's and RMSprop's running averages (and momentum) live inside it, and a new one starts from scratch every time.");
        Assert.That(yours, Has.Count.EqualTo(10),
            $"Run(iterations: 10) should record 10 iterations, one per step; yours recorded {yours.Count}." +
            (yours.Count == 11 ? " One step too many: the loop runs while i <= iterations; it should stop at i < iterations."
                : yours.Count == 9 ? " One step too few: the loop should run for i = 0 up to iterations − 1." : ""));
    }

    [TestCase(ScalarType.Float32)]
    [TestCase(ScalarType.Float64)]
    public void The_parameters_are_the_slope_and_intercept_in_the_datas_dtype(ScalarType dtype)
    {
        (Tensor heights, Tensor weights) = Sample.ToTensors(dtype);
        var given = new List<(ScalarType Dtype, bool RequiresGrad, double Value)>();
        LearnerCode.Run(() => OptimizerRun.Run(heights, weights, ArticleStart, p =>
        {
            given.AddRange(p.Select(parameter => (parameter.dtype, parameter.requires_grad, parameter.ToDouble())));
            return new TorchOptimizer(optim.SGD(p, 2e-5));
        }, 1), "OptimizerRun.Run");
        Assert.That(given, Has.Count.EqualTo(2),
            $"Expected: the optimizer factory gets the two parameters [slope, intercept] once. Got: {given.Count} parameter(s) over all its calls.");
        for (int k = 0; k < 2; k++)
        {
            string name = k == 0 ? "slope" : "intercept";
            double expected = k == 0 ? ArticleStart.Slope : ArticleStart.Intercept;
            Assert.That(given[k].Dtype, Is.EqualTo(dtype),
                $"Expected: the {name} in the data's dtype, {dtype}. Got: {given[k].Dtype}. Likely cause: torch.tensor(double) makes a float64 tensor " +
                "whatever the data; pass dtype: heights.dtype, so float32 data trains float32 parameters (kata 01's rule).");
            Assert.That(given[k].RequiresGrad, Is.True, $"Expected: the {name} is a Parameter (requires_grad). Got: a tensor without requires_grad.");
            Assert.That(given[k].Value, Is.EqualTo(expected).Within(1e-5).Percent,
                $"Expected: parameter {k} is the {name}, starting at {expected}. Got: {given[k].Value}. Pass [slope, intercept], in that order, from the start line.");
        }
    }

    [Test]
    public void The_articles_RMSprop_falls_at_every_step_and_ends_near_the_optimum()
    {
        Trajectory run = ArticleRun(OptimizerSettings.ArticleRmsProp with { EpsInsideSqrt = false }, 25);
        for (int i = 1; i < run.Count; i++)
        {
            Assert.That(run[i].Loss, Is.LessThanOrEqualTo(run[i - 1].Loss),
                $"RMSprop (lr 0.1, decay 0.9) should lower the loss at every step of the article's run; at iteration {i} it went from {run[i - 1].Loss} to {run[i].Loss}.");
        }

        Assert.That(run.Last.Loss, Is.LessThan(OptimumMse * 1.05),
            $"After 25 RMSprop steps the loss should be within 5% of the optimum {OptimumMse}; it is {run.Last.Loss}.");
    }

    [Test]
    public void The_articles_Adam_overshoots_and_comes_back_near_the_optimum()
    {
        Trajectory run = ArticleRun(OptimizerSettings.ArticleAdam, 50);
        int rises = Enumerable.Range(1, run.Count - 1).Count(i => run[i].Loss > run[i - 1].Loss);
        Assert.That(rises, Is.GreaterThan(0),
            "Adam (lr 0.1) builds up momentum and overshoots the valley: the article saw its loss go back up several times. Yours never rose: " +
            "is it Adam with the article's settings (betas 0.9/0.999, eps 1e-7)?");
        Assert.That(run.Last.Loss, Is.LessThan(OptimumMse * 1.10),
            $"After 50 Adam steps the loss should be within 10% of the optimum {OptimumMse}; it is {run.Last.Loss}.");
    }

    [TestCase(0.9, TestName = "The first RMSprop step moves each parameter by lr over the root of 1 minus the decay (Keras' 0.9)")]
    [TestCase(0.99, TestName = "TorchSharp's default RMSprop decay 0.99 makes the first step three times longer")]
    public void The_first_RMSprop_step_has_the_length_the_decay_implies(double alpha)
    {
        Trajectory run = ArticleRun(OptimizerSettings.ArticleRmsProp with { EpsInsideSqrt = false, Alpha = alpha }, 2);
        // v starts at 0, so after one step v = (1 − α)g² and the step is lr·g/√v = lr/√(1 − α) in the gradient's direction.
        double expected = 0.1 / Math.Sqrt(1 - alpha);
        Assert.That(Math.Abs(run[1].Slope - run[0].Slope), Is.EqualTo(expected).Within(1e-3),
            $"With decay {alpha} the first step should move the slope by 0.1/√(1 − {alpha}) = {expected:F4}; it moved {Math.Abs(run[1].Slope - run[0].Slope):F4}." +
            (Math.Abs(run[0].Slope - ArticleStart.Slope) > 1e-4
                ? $" The run's first point is not the start (slope {run[0].Slope:G6}, not {ArticleStart.Slope}): record the parameters before each step, not after it."
                : ""));
    }

    [Test]
    public void The_run_does_not_leak_tensors()
    {
        (Tensor heights, Tensor weights) = Sample.ToTensors(ScalarType.Float32);
        LeakCheck.AssertNoLeak(iterations => OptimizerRun.Run(heights, weights, ArticleStart, p => new TorchOptimizer(optim.Adam(p, 0.1)), iterations),
            "OptimizerRun.Run");
    }

    [Test]
    public void A_run_leaves_none_of_its_tensors_to_the_garbage_collector()
    {
        // Plain SGD keeps no state, so after the run nothing of it is left: only the two parameters, if they were made without `using`.
        (Tensor heights, Tensor weights) = Sample.ToTensors(ScalarType.Float64);
        LeakCheck.AssertLeavesNoTensors(() => OptimizerRun.Run(heights, weights, ArticleStart, p => new TorchOptimizer(optim.SGD(p, 1e-5)), 3), "OptimizerRun.Run");
    }

    private static IEnumerable<TestCaseData> ArticleFigures() =>
        OptimizerRuns.ArticleFigures.Select(figure => new TestCaseData(figure).SetArgDisplayNames(figure.Stem));

    [TestCaseSource(nameof(ArticleFigures))]
    public void The_articles_optimizer_runs_draw_kata_01s_figure(ArticleFigureRun figure)
    {
        // The demo draws the same run under the same name (OptimizerRuns.ArticleFigures), so artifacts/04-optimizers/yours and
        // reference/ show the same run.
        Trajectory run = ArticleRun(figure.Settings, figure.Iterations);
        RenderedRun figures = OptimizerRuns.WriteArticleFigure(Sample, run, figure, KataEnvironment.ArtifactFolder("04-optimizers"), KataEnvironment.Animate);
        SnapshotAssert.Matches(figures.LastFrame, figure.Stem, $"the article's {figure.Title} run (figures: {figures.Files})");
    }

    private static Trajectory ArticleRun(OptimizerSettings settings, int iterations)
    {
        Trajectory run = LearnerCode.Run(() => OptimizerRuns.BuiltInArticleRun(Sample, settings, iterations), "OptimizerRun.Run");
        // A loss that is not the mean squared error steps and converges differently: name that before judging the run.
        double mse = Enumerable.Range(0, Sample.Count).Average(i => Math.Pow(run[0].Line.At(Sample.Heights[i]) - Sample.Weights[i], 2));
        Assert.That(Math.Abs(run[0].Loss - (Sample.Count * mse)) > 1e-6 * Sample.Count * mse, Is.True,
            $"The loss recorded at the start is {run[0].Loss:G6}, {Sample.Count} times the mean squared error of that line ({mse:G6}): the loss is " +
            "the SUM of the squared errors. The article's loss is their mean (.mean()), and a sum makes every gradient, and so every step, " +
            $"{Sample.Count} times larger.");
        Diagnosis? diagnosis = Coach.ExamineLosses(run.Losses, settings.ToString());
        if (diagnosis is not null)
        {
            Assert.Fail(diagnosis.Message);
        }

        return run;
    }

    private static (double Slope, double Intercept) Gradient(Line line)
    {
        double slope = 0;
        double intercept = 0;
        for (int i = 0; i < Sample.Count; i++)
        {
            double error = line.At(Sample.Heights[i]) - Sample.Weights[i];
            slope += 2 * error * Sample.Heights[i] / Sample.Count;
            intercept += 2 * error / Sample.Count;
        }

        return (slope, intercept);
    }

}
