using Katas.Figures;
using Katas.Testing;
using Katas.Testing.Oracles;
using TorchSharp;
using static TorchSharp.torch;

using Katas.Optimizers.Kit;

namespace Katas.Optimizers.Tests;

/// <summary>Task 3: Race.Run.</summary>
[KataTask(3)]
public sealed class Task3RaceTests : KataTest
{
    [Test]
    public void Each_path_starts_at_the_start_and_records_every_step_with_its_loss()
    {
        Surface bowl = Surface.IllConditionedBowl;
        RaceResult result = LearnerCode.Run(() => Race.Run(bowl, [("sgd", p => new TorchOptimizer(optim.SGD(p, 0.01)))], 30), "Race.Run")[0];
        Assert.That(result.Xs, Has.Count.EqualTo(31), "30 steps visit 31 points: the start and one after each step.");
        Assert.That((result.Xs[0], result.Ys[0]), Is.EqualTo(bowl.Start), "The path starts at the surface's start.");
        for (int k = 0; k < result.Xs.Count; k++)
        {
            double value = bowl.Value(result.Xs[k], result.Ys[k]);
            Assert.That(result.Losses[k], Is.EqualTo(value).Within(1e-12), () =>
                $"The loss recorded at point {k}, {result.Losses[k]:G10}, is not the surface's value there, {value:G10}. " +
                ((float)result.Xs[k] == result.Xs[k] && (float)result.Ys[k] == result.Ys[k] && Math.Abs(result.Losses[k] - value) <= GradientCheck.Float32Precision * Math.Abs(value)
                    ? "Every point and loss is a float32 value: the race's parameters are float32 tensors, so the loss is computed in float32. Create " +
                      "them as float64 (torch.tensor(x, dtype: ScalarType.Float64)), as the surfaces' values are."
                    : "Record the point and the loss computed from it together."));
        }

        // Plain gradient descent on (x² + 50y²)/2: x ← (1 − lr)x, y ← (1 − 50lr)y.
        Assert.That(result.Xs[30], Is.EqualTo(bowl.Start.X * Math.Pow(0.99, 30)).Within(1e-12),
            "After 30 SGD steps of rate 0.01 on the bowl, x should be −4·0.99³⁰. Reset the gradients before each backward().");
        Assert.That(result.Ys[30], Is.EqualTo(bowl.Start.Y * Math.Pow(0.5, 30)).Within(1e-12));
    }

    [Test]
    public void Every_entrant_starts_at_the_start_with_fresh_parameters()
    {
        Surface bowl = Surface.IllConditionedBowl;
        IReadOnlyList<RaceResult> results = LearnerCode.Run(() => Race.Run(bowl,
        [
            ("sgd", p => new TorchOptimizer(optim.SGD(p, 0.01))),
            ("the same sgd again", p => new TorchOptimizer(optim.SGD(p, 0.01))),
        ], 20), "Race.Run");
        Assert.That(results, Has.Count.EqualTo(2), "Two entrants race: Race.Run returns one result per entrant, in order.");
        for (int i = 0; i < results.Count; i++)
        {
            RaceResult result = results[i];
            bool wherePreviousStopped = i > 0 && result.Xs[0] == results[i - 1].Xs[^1] && result.Ys[0] == results[i - 1].Ys[^1];
            Assert.That((result.Xs[0], result.Ys[0]), Is.EqualTo(bowl.Start),
                $"Expected: entrant {i} ({result.Optimizer}) starts at the surface's start {bowl.Start}. Got: ({result.Xs[0]}, {result.Ys[0]})." +
                (wherePreviousStopped
                    ? " That is where the previous entrant stopped: make fresh parameters x and y for each entrant."
                    : " Create each entrant's parameters at surface.Start."));
        }

        Assert.That(results[1].Xs, Is.EqualTo(results[0].Xs).Within(1e-12),
            "Expected: two entrants with the same optimizer trace the same path. Got: different paths; does one entrant's run change another's?");
    }

    [Test]
    public void A_run_that_arrives_keeps_going_to_the_last_step()
    {
        Surface bowl = Surface.IllConditionedBowl;
        const int steps = 300;
        RaceResult result = LearnerCode.Run(() => Race.Run(bowl, [("momentum", p => new TorchOptimizer(optim.SGD(p, 0.03, momentum: 0.9)))], steps),
            "Race.Run")[0];
        Assert.That(result.Xs, Has.Count.EqualTo(steps + 1),
            $"Expected: momentum in the bowl arrives within tolerance early, and its path still has all {steps + 1} points (the start and one after " +
            $"each of the {steps} steps). Got: {result.Xs.Count} points, StepsToTolerance {result.StepsToTolerance?.ToString() ?? "null"}." +
            (result.StepsToTolerance is int arrived && result.Xs.Count == arrived + 1
                ? " The run ends where it arrived: the race does not stop when it arrives (the figures show each path to the end); " +
                  "only a loss that stops being finite ends a run early."
                : ""));
    }

    [Test]
    public void Steps_to_tolerance_is_the_first_step_within_the_tolerance()
    {
        Surface bowl = Surface.IllConditionedBowl;
        IReadOnlyList<RaceResult> results = LearnerCode.Run(() => Race.Run(bowl,
        [
            ("momentum", p => new TorchOptimizer(optim.SGD(p, 0.03, momentum: 0.9))),
            ("sgd, too slow", p => new TorchOptimizer(optim.SGD(p, 1e-4))),
        ], 300), "Race.Run");
        foreach (RaceResult result in results)
        {
            int? expected = Enumerable.Range(0, result.Losses.Count).Cast<int?>()
                .FirstOrDefault(k => result.Losses[k!.Value] - bowl.MinimumValue <= bowl.Tolerance);
            Assert.That(result.StepsToTolerance, Is.EqualTo(expected),
                $"{result.Optimizer}: its losses first come within {bowl.Tolerance} of the minimum at step {expected?.ToString() ?? "never"}, " +
                $"but StepsToTolerance says {result.StepsToTolerance?.ToString() ?? "null"}.");
        }

        Assert.That(results[1].StepsToTolerance, Is.Null, "A run that never gets within tolerance has StepsToTolerance null.");
    }

    [Test]
    public void Steps_to_tolerance_counts_from_the_surfaces_minimum_which_need_not_be_zero()
    {
        Surface saddle = Surface.Saddle;
        const double rate = 0.1;
        const int steps = 200;
        RaceResult result = LearnerCode.Run(() => Race.Run(saddle, [("sgd", p => new TorchOptimizer(optim.SGD(p, rate)))], steps), "Race.Run")[0];

        // Plain gradient descent on x² − y² + y⁴/4 by hand: ∂/∂x = 2x, ∂/∂y = −2y + y³.
        (double x, double y) = saddle.Start;
        int? expected = null;
        int? withinOfZero = null;
        for (int k = 0; k <= steps; k++)
        {
            double value = x * x - y * y + Math.Pow(y, 4) / 4;
            expected ??= value - saddle.MinimumValue <= saddle.Tolerance ? k : null;
            withinOfZero ??= value <= saddle.Tolerance ? k : null;
            (x, y) = (x - rate * 2 * x, y - rate * (-2 * y + y * y * y));
        }

        Assert.That(expected, Is.Not.Null, $"Test set-up: SGD at rate {rate} should reach the saddle's valley within {steps} steps.");
        Assert.That(result.StepsToTolerance, Is.EqualTo(expected),
            $"Expected: on the saddle, whose minimum is {saddle.MinimumValue} (not 0), SGD at rate {rate} first gets within {saddle.Tolerance} " +
            $"of the minimum at step {expected}. Got: StepsToTolerance {result.StepsToTolerance?.ToString() ?? "null"}." +
            (result.StepsToTolerance == withinOfZero
                ? $" That is the first step whose loss is below {saddle.Tolerance}: the tolerance was measured from 0. Compare loss − " +
                  "surface.MinimumValue with surface.Tolerance."
                : " Count the steps until loss − surface.MinimumValue ≤ surface.Tolerance (the start is step 0)."));
    }

    [Test]
    public void A_diverging_run_stops_at_its_first_non_finite_loss()
    {
        RaceResult result = LearnerCode.Run(() => Race.Run(Surface.Rosenbrock, [("sgd, far too fast", p => new TorchOptimizer(optim.SGD(p, 1.0)))], 100), "Race.Run")[0];
        int firstBad = result.Losses.ToList().FindIndex(loss => !double.IsFinite(loss));
        Assert.That(firstBad, Is.EqualTo(result.Losses.Count - 1),
            "SGD with rate 1 blows up on Rosenbrock: the path should end at the first NaN or infinite loss" +
            (firstBad < 0
                ? $", but none of its {result.Losses.Count} losses is NaN or infinite (the last is {result.Losses[^1]:G4}): record the point where the " +
                  "loss stopped being finite, with its loss, and then stop."
                : " instead of carrying on."));
    }

    [Test]
    public void Momentum_beats_plain_SGD_in_the_ill_conditioned_bowl()
    {
        Surface bowl = Surface.IllConditionedBowl;
        IReadOnlyList<RaceResult> results = LearnerCode.Run(() => Race.Run(bowl,
        [
            ("sgd", p => HandWrittenOptimizers.Create(p, new OptimizerSettings(OptimizerKind.Sgd, bowl.RaceRates["sgd"]))),
            ("momentum", p => HandWrittenOptimizers.Create(p, new OptimizerSettings(OptimizerKind.Momentum, bowl.RaceRates["momentum"]))),
        ], bowl.RaceSteps), "Race.Run with your optimizers");
        Assert.That(results[1].StepsToTolerance ?? int.MaxValue, Is.LessThan(results[0].StepsToTolerance ?? int.MaxValue),
            $"In a bowl 50 times steeper across than along, momentum builds up speed along the valley: it should arrive sooner than plain SGD " +
            $"(steps: sgd {results[0].StepsToTolerance?.ToString() ?? "never"}, momentum {results[1].StepsToTolerance?.ToString() ?? "never"})." +
            (results[0].StepsToTolerance == results[1].StepsToTolerance && results[0].StepsToTolerance is not null
                ? " Both arrived at the same step: if that is the last step, StepsToTolerance probably keeps the last step within the tolerance instead of the first."
                : ""));
    }

    [Test]
    public void The_race_in_the_bowl_draws_paths_over_the_contours()
    {
        Surface bowl = Surface.IllConditionedBowl;
        // The demo's race (OptimizerRuns.FullRace): every optimizer, hand-written, at its race rate.
        IReadOnlyList<RaceResult> results = LearnerCode.Run(() => OptimizerRuns.FullRace(bowl), "Race.Run with your optimizers");
        RenderedRun figures = OptimizerFigures.WriteRace(bowl, results, KataEnvironment.ArtifactFolder("04-optimizers"), KataEnvironment.Animate);
        SnapshotAssert.Matches(figures.LastFrame, "bowl-race", $"the race in the bowl (figures: {figures.Files})");
    }
}
