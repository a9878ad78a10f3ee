using Katas.Figures;
using Katas.Optimizers.Kit;
using Katas.Testing;
using Katas.Testing.Oracles;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Optimizers.Tests;

/// <summary>Task 4: Rolling.Roll, the book's picture of momentum.</summary>
[KataTask(4)]
public sealed class Task4MomentumTests : KataTest
{
    /// <summary>A path's position left as the array was made: 0.</summary>
    private const string NeverWritten =
        " It is exactly 0, as the path's array is made: that position was never written. Likely cause: the loop stops one step short; take all `steps` steps and record x after each.";

    /// <summary>Starts on the right slope, and learning rates, where SGD and momentum 0.9 end in different valleys (measured: see the README).</summary>
    private static readonly double[] Starts = [2.0, 2.1, 2.2, 2.3];

    private static readonly double[] Rates = [0.005, 0.01, 0.02];

    private const int Steps = 1000;

    [Test]
    public void The_path_starts_at_the_start_and_records_x_after_every_step()
    {
        double[] path = LearnerCode.Run(() => Rolling.Roll(2.0, p => new TorchOptimizer(optim.SGD(p, 0.01)), 5), "Rolling.Roll");
        Assert.That(path, Has.Length.EqualTo(6), "5 steps visit 6 positions: the start and one after each step.");
        double[] expected = new double[6];
        expected[0] = 2.0;
        for (int k = 1; k <= 5; k++)
        {
            expected[k] = expected[k - 1] - (0.01 * TwoValleys.Derivative(expected[k - 1]));
        }

        // Each position one step late: x was read before the step that should have moved it.
        bool late = Enumerable.Range(1, 5).All(k => Math.Abs(path[k] - expected[k - 1]) < 1e-12);
        for (int k = 0; k <= 5; k++)
        {
            Assert.That(path[k], Is.EqualTo(expected[k]).Within(1e-12),
                $"Position {k} should be {expected[k]:G10} (plain SGD at rate 0.01 on f′(x) = 4x³ − 6x + 1 from 2.0); yours is {path[k]:G10}." +
                (late ? " Every position is the one before it should be: x is recorded before the optimizer's step; record it after Step()."
                    : path[k] == 0 && Enumerable.Range(0, k).All(j => Math.Abs(path[j] - expected[j]) < 1e-12) ? NeverWritten
                    : Math.Abs(path[k] - expected[k]) <= GradientCheck.Float32Precision * Math.Abs(expected[k])
                        ? " That is float32's rounding: x is a float32 tensor (torch.tensor(start) of a float, or ScalarType.Float32). Roll works in float64: ScalarType.Float64."
                    : k > 0 && Math.Abs(path[k] - path[k - 1]) > 0 && Math.Abs(path[k] - expected[k]) > 1e-6 ? " Reset the gradient before every backward()." : ""));
        }
    }

    [Test]
    public void Rolling_leaves_none_of_its_tensors_to_the_garbage_collector() =>
        // Plain SGD keeps no state: whatever is left after the call is Roll's own (x made without `using`).
        LeakCheck.AssertLeavesNoTensors(() => Rolling.Roll(2.0, p => new TorchOptimizer(optim.SGD(p, 0.01)), 3), "Rolling.Roll");

    [Test]
    public void Rolling_does_not_leak_tensors() =>
        LeakCheck.AssertNoLeak(steps => Rolling.Roll(2.0, p => new TorchOptimizer(optim.SGD(p, 0.01, momentum: 0.9)), steps), "Rolling.Roll");

    [Test]
    public void Plain_SGD_settles_in_the_local_minimum_from_every_start_and_rate()
    {
        foreach (double start in Starts)
        {
            foreach (double rate in Rates)
            {
                double end = LearnerCode.Run(() => Rolling.Roll(start, p => new TorchOptimizer(optim.SGD(p, rate)), Steps), "Rolling.Roll")[^1];
                Assert.That(end, Is.EqualTo(TwoValleys.LocalMinimum).Within(1e-3),
                    $"Plain SGD at rate {rate} from x = {start} should settle in the shallow valley at {TwoValleys.LocalMinimum:0.####} after {Steps} steps; it ended at {end:G6}." +
                (end == 0 ? NeverWritten : ""));
            }
        }
    }

    [Test]
    public void Momentum_rolls_over_the_hill_into_the_global_minimum_from_every_start_and_rate()
    {
        foreach (double start in Starts)
        {
            foreach (double rate in Rates)
            {
                double end = LearnerCode.Run(() => Rolling.Roll(start, p => new TorchOptimizer(optim.SGD(p, rate, momentum: 0.9)), Steps), "Rolling.Roll")[^1];
                string hint = Math.Abs(end - TwoValleys.LocalMinimum) < 1e-3
                    ? " It stopped in the shallow valley like plain SGD: create the optimizer once, before the loop, so its velocity carries from step to step."
                    : end == 0 ? NeverWritten : "";
                Assert.That(end, Is.EqualTo(TwoValleys.GlobalMinimum).Within(1e-3),
                    $"SGD with momentum 0.9 at rate {rate} from x = {start} should roll over the hill at {TwoValleys.Hill:0.###} into the deep valley at " +
                    $"{TwoValleys.GlobalMinimum:0.####}; it ended at {end:G6}.{hint}");
            }
        }
    }

    [Test]
    public void Both_paths_are_drawn_on_the_curve()
    {
        // The demo's runs and file (OptimizerRuns.RollBoth, WriteValleys), cut at the steps the figure shows.
        (double[] sgd, double[] momentum) = LearnerCode.Run(() => OptimizerRuns.RollBoth(MomentumFigures.ShownSteps), "Rolling.Roll");
        (Figure figure, string png) = OptimizerRuns.WriteValleys(sgd, momentum, KataEnvironment.ArtifactFolder("04-optimizers"));
        SnapshotAssert.Matches(figure, "momentum-valleys", $"the SGD and momentum paths on the two-valley curve (figure: {png})");
    }
}
