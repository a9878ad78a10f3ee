using Katas.Testing;
using Katas.Testing.Oracles;

namespace Katas.Spread.Tests;

/// <summary>
/// Task 4: what Tammes.Solve does to its batch of restarts step by step: the first step reads the schedule at iteration 0,
/// every vector stays on the unit sphere, and cutting the batch to its survivors changes nothing about the survivors' own
/// paths (their momentum goes with them). Checked by hand (finite differences of the soft minimum) and against the
/// learner's own Solve run with other settings, never against the reference's output.
/// </summary>
[KataTask(4)]
public sealed class Task4TammesBatchTests : KataTest
{
    private static readonly TimeSpan SolveLimit = TimeSpan.FromSeconds(60);

    [Test]
    public void Every_recorded_vector_stays_on_the_unit_sphere()
    {
        var settings = new TammesSettings(Restarts: 4, Survivors: 2, ExploreIterations: 50, RefineIterations: 150);
        SpreadRun run = LearnerCode.Run(() => Tammes.Solve(10, 3, settings), "Tammes.Solve", SolveLimit);
        foreach (SpreadStep step in run.Steps)
        {
            for (int i = 0; i < step.Vectors.Length; i++)
            {
                double length = Math.Sqrt(step.Vectors[i].Sum(x => x * x));
                Assert.That(length, Is.EqualTo(1.0).Within(1e-6),
                    $"At iteration {step.Iteration} vector {i} has length {length:G6}; every vector must be projected back onto the unit sphere after " +
                    "each step. Likely cause: the length is taken over the wrong axis. On the batch [R, N, D] each vector's length runs over its D " +
                    "coordinates, the last axis: vectors.norm(-1, keepdim: true).");
            }
        }
    }

    [Test]
    public void The_cut_to_the_survivors_keeps_their_paths_and_their_momentum()
    {
        // The same two restarts (same seed and count, so the same draws), run with and without the cut after 30 steps. The
        // restart that survives the cut is the one that also ends best without it, so both calls return its run, and with
        // momentum carried through the cut the two runs are the same step for step.
        var uncut = new TammesSettings(Restarts: 2, Survivors: 2, ExploreIterations: 30, RefineIterations: 70, Momentum: 0.9);
        TammesSettings cut = uncut with { Survivors = 1 };
        SpreadRun whole = LearnerCode.Run(() => Tammes.Solve(10, 3, uncut), "Tammes.Solve (2 restarts, no cut)", SolveLimit);
        SpreadRun survivor = LearnerCode.Run(() => Tammes.Solve(10, 3, cut), "Tammes.Solve (2 restarts, cut to 1 after 30 steps)", SolveLimit,
            ifItThrows: "The same call without the cut ran, so the cut is what breaks it. If the error is about shapes, one of the " +
            "tensors with a row per restart was not cut to the survivors with the others: most likely the velocity, or the vectors " +
            "themselves. Keep the survivors' rows of every such tensor (index_select along axis 0, the restarts, with the same indices on " +
            "the vectors and the velocity, and the recorder's Keep).");

        Assert.That(survivor.Steps.Select(step => step.Iteration), Is.EqualTo(whole.Steps.Select(step => step.Iteration)),
            "Both runs have 100 steps, so both should be recorded at the same iterations.");
        string GradientFirst() => WrongGradient(whole.Steps[0].Vectors, uncut.SharpnessAt(0)) is { } wrong ? wrong + "\n" : "";
        Assert.That(Gap(survivor.Steps[0], whole.Steps[0]), Is.LessThan(1e-9), () => GradientFirst() +
            "Both calls should return the run of the same restart (the one best after 30 steps also ends best here), so they should start " +
            "at the same vectors. Likely causes: the restart kept at the cut, or the one Solve returns at the end, is not the one with the " +
            "largest smallest angle (the smallest largest cosine: argmin, not argmax), or the steps themselves go wrong (see this task's other failures).");
        foreach ((SpreadStep after, SpreadStep without) in survivor.Steps.Zip(whole.Steps))
        {
            double gap = Gap(after, without);
            Assert.That(gap, Is.LessThan(1e-6), () => GradientFirst() +
                $"At iteration {after.Iteration} the surviving restart's vectors differ by {gap:G3} from the same restart's run without the cut " +
                $"(cut after {cut.ExploreIterations} steps, momentum {cut.Momentum}). Cutting the batch must not change a survivor's path. Likely " +
                "cause: the velocity is reset at the cut, or not cut with the vectors: keep the survivors' rows of both " +
                "(index_select on the vectors and on the velocity). Or the step depends on the batch's size: N is the number of vectors " +
                "(n, or shape[^2] of [R, N, D]); shape[0] is R, the number of restarts, which changes at the cut.");
        }
    }

    [Test]
    public void The_first_step_reads_the_schedule_at_iteration_0_and_starts_without_velocity()
    {
        // One restart, 100 steps: every step is recorded, and the first is v ← v − LearningRateAt(0)·N·∇softmin(v; SharpnessAt(0)),
        // then each vector divided by its length (the velocity starts at 0, so momentum adds nothing yet).
        const int n = 10;
        var settings = new TammesSettings(Restarts: 1, Survivors: 1, ExploreIterations: 30, RefineIterations: 70);
        SpreadRun run = LearnerCode.Run(() => Tammes.Solve(n, 3, settings), "Tammes.Solve", SolveLimit);
        Assert.That(run.Steps[1].Iteration, Is.EqualTo(1), "A run of 100 steps records every step (RecordEvery = Iterations / 100).");
        double[][] start = run.Steps[0].Vectors;
        double[] yours = [.. run.Steps[1].Vectors.SelectMany(vector => vector)];
        double[] ByHand(int iteration) => FirstStep(start, n, settings.SharpnessAt(iteration), settings.LearningRateAt(iteration));
        double gap = yours.Zip(ByHand(0), (a, e) => Math.Abs(a - e)).Max();
        double[] unscaled = FirstStep(start, 1, settings.SharpnessAt(0), settings.LearningRateAt(0));
        Assert.That(gap, Is.LessThan(1e-6), () =>
            $"Solve's first step should move the start by −LearningRateAt(0) × N × the soft minimum's gradient at β = SharpnessAt(0) " +
            $"({settings.SharpnessAt(0):G4}), then divide each vector by its length; your recorded step 1 is {gap:G3} away from that step by hand. " +
            (WrongGradient(start, settings.SharpnessAt(0)) is { } wrongGradient ? wrongGradient
                : yours.Zip(ByHand(1), (a, e) => Math.Abs(a - e)).Max() < 1e-6
                ? "It is the step with the schedule read at iteration 1: SharpnessAt and LearningRateAt take the step's iteration counted from 0."
                : yours.Zip(unscaled, (a, e) => Math.Abs(a - e)).Max() < 1e-6
                ? $"It is the step without the factor N = {n} (here one restart: shape[0] of the batch [R, N, D] is R = 1, not N): scale the " +
                  "gradient by n, the number of vectors."
                : "Check the gradient's factor N, the sign of the step, and that the velocity starts at 0."));
    }

    [Test]
    public void The_second_step_carries_the_first_steps_velocity_times_the_momentum()
    {
        // Momentum 0.9, so that neither 0.5 (the defaults') nor 1 − μ gives the same step: v₂ = μ·v₁ − LearningRateAt(1)·N·∇softmin(x₁).
        const int n = 10;
        const double momentum = 0.9;
        var settings = new TammesSettings(Restarts: 1, Survivors: 1, ExploreIterations: 30, RefineIterations: 70, Momentum: momentum);
        SpreadRun run = LearnerCode.Run(() => Tammes.Solve(n, 3, settings), "Tammes.Solve", SolveLimit);
        double[] yours = [.. run.Steps[2].Vectors.SelectMany(vector => vector)];
        double[] Second(double mu, int sharpnessAt = 1)
        {
            (double[] x1, double[] v1) = Step(Flat(run.Steps[0].Vectors), new double[n * 3], 3, n * settings.LearningRateAt(0), settings.SharpnessAt(0), mu);
            return Step(x1, v1, 3, n * settings.LearningRateAt(1), settings.SharpnessAt(sharpnessAt), mu).Vectors;
        }

        double GapTo(double mu, int sharpnessAt = 1) => yours.Zip(Second(mu, sharpnessAt), (a, e) => Math.Abs(a - e)).Max();
        double gap = GapTo(momentum);
        Assert.That(gap, Is.LessThan(1e-6), () =>
            $"With momentum μ = {momentum}, Solve's second step should be velocity = μ·velocity − LearningRateAt(1)·N·∇softmin, with the first step's " +
            $"velocity, then vectors + velocity, each divided by its length; your recorded step 2 is {gap:G3} away from those two steps by hand. " +
            (GapTo(momentum, sharpnessAt: 0) < 1e-6
                ? "It is the step at the first step's β, settings.Sharpness: β follows the schedule, settings.SharpnessAt(iteration), at every step."
                : GapTo(0.5) < 1e-6 ? "It is the step with momentum 0.5, the defaults': use settings.Momentum."
                : GapTo(1 - momentum) < 1e-6 ? "It is the step with the velocity kept at 1 − μ: heavy-ball momentum keeps μ·velocity (a moving average would keep 1 − μ of the new value)."
                : GapTo(0) < 1e-6 ? "It is the step without the first step's velocity: keep the velocity from one step to the next."
                : "Check that the velocity is kept between steps and multiplied by settings.Momentum before the gradient is subtracted."));
    }

    [TestCase(6, TestName = "The_cut_keeps_the_restart_best_after_exactly_ExploreIterations_steps")]
    [TestCase(3, TestName = "The_cut_keeps_the_restart_best_after_exactly_ExploreIterations_steps_and_its_records")]
    public void The_cut_keeps_the_restart_best_after_exactly_ExploreIterations_steps(int cutAfter)
    {
        // Two restarts of 8 points, momentum 0.9, stepped by hand from their own draws. Cut after 6 steps, restart 0 is the one to keep
        // and restart 1 is ahead after 5 and after 7 (largest cosines 0.7354 against 0.7395 after 6 steps, far apart for float64): a cut
        // one step early or late keeps the other. Cut after 3 steps, restart 1 is the one to keep: a recorder not cut with the batch
        // (no recorder.Keep) hands back restart 0's records from before the cut, then restart 1's.
        const int n = 8;
        var settings = new TammesSettings(Restarts: 2, Survivors: 1, ExploreIterations: cutAfter, RefineIterations: 14, Momentum: 0.9);
        double[][][] paths = HandPaths([.. Oracle.RestartDraws(n, 3, settings.Restarts, settings.Seed).Select(Flat)], settings, steps: cutAfter + 1);
        int[] bestAfter = [.. Enumerable.Range(0, cutAfter + 2).Select(k =>
            Enumerable.Range(0, paths.Length).MaxBy(r => SpreadGeometry.MinimumAngle([.. paths[r][k].Chunk(3)])))];
        Assert.That(bestAfter[cutAfter], Is.Not.EqualTo(bestAfter[cutAfter + 1]),
            $"The test's own setting should make the best restart after {cutAfter} steps differ from the best after {cutAfter + 1}.");

        SpreadRun run = LearnerCode.Run(() => Tammes.Solve(n, 3, settings), $"Tammes.Solve (2 restarts, cut to 1 after {cutAfter} steps)", SolveLimit);
        Assert.That(run.Steps.Count, Is.GreaterThan(cutAfter + 1), "A run of 20 steps records every step (RecordEvery = Iterations / 100, at least 1).");
        int Restart(int k) => Array.FindIndex(paths, path => path[k].Zip(Flat(run.Steps[k].Vectors), (a, b) => Math.Abs(a - b)).Max() < 1e-6);
        int startsAs = Restart(0);
        int goesOnAs = Restart(cutAfter + 1);
        // Where the returned run leaves its own restart's path before the cut: then the steps are wrong, and the cut can't be judged.
        int leaves = startsAs < 0 ? -1 : Enumerable.Range(1, cutAfter).FirstOrDefault(k => Restart(k) != startsAs, -1);
        Assert.That((startsAs, goesOnAs), Is.EqualTo((bestAfter[cutAfter], bestAfter[cutAfter])), () =>
            WrongGradient(paths[0][0].Chunk(3).ToArray(), settings.SharpnessAt(0)) is { } wrongGradient
                ? wrongGradient
            : leaves > 0
                ? $"The run Solve returned starts as restart {startsAs} stepped by hand but leaves that path at step {leaves}, before the cut: the steps " +
                  "themselves differ, so the cut can't be judged yet. " + (leaves == 1
                      ? "The_first_step_reads_the_schedule_at_iteration_0_and_starts_without_velocity says how."
                      : "The_second_step_carries_the_first_steps_velocity_times_the_momentum says how.")
            : startsAs >= 0 && goesOnAs >= 0 && startsAs != goesOnAs
                ? $"The run Solve returned starts as restart {startsAs} and goes on after the cut as restart {goesOnAs}: its records from before the cut " +
                  "belong to another restart. Likely cause: the recorder was not cut with the batch. Call recorder.Keep(kept) with the same indices as " +
                  "the vectors and the velocity, so RunOf(i) reads the survivor's own records."
            : startsAs >= 0 && startsAs == goesOnAs && startsAs != bestAfter[cutAfter]
                ? $"Solve kept restart {startsAs}, but after exactly {cutAfter} steps (ExploreIterations) restart {bestAfter[cutAfter]} has the larger " +
                  $"smallest angle; restart {startsAs} is ahead after {(bestAfter[cutAfter - 1] == startsAs ? cutAfter - 1 : cutAfter + 1)} steps. Likely " +
                  "cause: the cut happens one step early or late. It belongs at the top of iteration ExploreIterations (0-based), after ExploreIterations " +
                  "steps and before the next one; a cut placed after the step, at iteration ExploreIterations, comes one step late." +
                  (startsAs == 0
                      ? " Or, if the first restart is kept whatever the steps: the largest cosines that rank the restarts include each vector with itself " +
                        "(cosine 1 on the diagonal, not masked), so every restart ties at 1 and the first is kept."
                      : "") +
                  " Or the ranking measures something else: the cut keeps the restarts whose LARGEST cosine between two different vectors is " +
                  "smallest (that pair is their smallest angle), not those with the smallest cosine of all."
                : "The run Solve returned does not follow either restart's path stepped by hand (from SpreadGeometry.RandomUnitVectors draws of one " +
                  "Generator(settings.Seed), one per restart). Record the batch at iteration 0 and after every step; this task's other failures say " +
                  "what the steps get wrong.");
    }

    /// <summary>Every restart stepped by hand without a cut: [restart][k] is its vectors (flat) after k steps, k = 0 to <paramref name="steps"/>.</summary>
    private static double[][][] HandPaths(double[][] starts, TammesSettings settings, int steps)
    {
        int n = starts[0].Length / 3;
        return [.. starts.Select(start =>
        {
            var path = new List<double[]> { start };
            double[] x = start;
            double[] v = new double[start.Length];
            for (int k = 0; k < steps; k++)
            {
                (x, v) = Step(x, v, 3, n * settings.LearningRateAt(k), settings.SharpnessAt(k), settings.Momentum);
                path.Add(x);
            }

            return path.ToArray();
        })];
    }

    /// <summary>
    /// Solve steps with the learner's SoftMinimumGradient: when it already differs from finite differences of the soft minimum at
    /// <paramref name="start"/>, that is the cause to name. Asked for a batch of two sets, <paramref name="start"/> and another, as Solve
    /// asks, since each set's gradient is of its own loss only (a softmax over the whole batch is right for one set alone). Null when
    /// it agrees, or is not written yet.
    /// </summary>
    private static string? WrongGradient(double[][] start, double sharpness)
    {
        double[][][] sets = [start, Oracle.RandomVectors(start.Length, start[0].Length, seed: 5)];
        double[] numeric = [.. sets.SelectMany(set =>
            GradientCheck.CentralDifferences(values => Oracle.SoftMinimum([.. values.Chunk(set[0].Length)], sharpness), Flat(set)))];
        double[]? yours = LearnerCode.RunIfWritten(() =>
        {
            using TorchSharp.torch.Tensor batch = TorchSharp.torch.stack([Oracle.Tensor(sets[0]), Oracle.Tensor(sets[1])]);
            return TensorAssert.ToDoubles(Tammes.SoftMinimumGradient(batch, sharpness));
        }, "Tammes.SoftMinimumGradient");
        double worst = yours is null || yours.Length != numeric.Length ? 0 : yours.Zip(numeric, (a, e) => Math.Abs(a - e)).Max();
        return worst > 1e-6
            ? $"Your SoftMinimumGradient already differs from finite differences of the soft minimum (on a batch of two sets, each set's gradient of " +
              $"its own loss), by up to {worst:G3}: Solve steps with it, so fix it first (its own tests in this task say how it differs)."
            : null;
    }

    /// <summary>
    /// One heavy-ball step by hand from the unit vectors <paramref name="x"/> (flat, <paramref name="dim"/> coordinates each) with
    /// velocity <paramref name="v"/>: velocity = momentum·v − <paramref name="scaledRate"/>·∇softmin (the soft minimum's gradient at
    /// β = <paramref name="sharpness"/>, by central differences), then each vector of x + velocity divided by its length.
    /// </summary>
    private static (double[] Vectors, double[] Velocity) Step(double[] x, double[] v, int dim, double scaledRate, double sharpness, double momentum)
    {
        double[][] Vectors(double[] values) => [.. values.Chunk(dim)];
        double[] gradient = GradientCheck.CentralDifferences(values => Oracle.SoftMinimum(Vectors(values), sharpness), x);
        double[] velocity = [.. v.Select((vi, i) => (momentum * vi) - (scaledRate * gradient[i]))];
        double[][] moved = Vectors([.. x.Select((xi, i) => xi + velocity[i])]);
        return ([.. Oracle.Normalise(moved).SelectMany(vector => vector)], velocity);
    }

    private static double[] Flat(double[][] vectors) => [.. vectors.SelectMany(vector => vector)];

    /// <summary>One step from <paramref name="start"/> by hand, without velocity: the soft minimum's gradient times N·rate.</summary>
    private static double[] FirstStep(double[][] start, int n, double sharpness, double rate) =>
        Step(Flat(start), new double[start.Length * start[0].Length], start[0].Length, n * rate, sharpness, momentum: 0).Vectors;

    /// <summary>The largest difference of any coordinate of any vector between two recorded steps.</summary>
    private static double Gap(SpreadStep a, SpreadStep b) =>
        a.Vectors.Zip(b.Vectors).Max(pair => pair.First.Zip(pair.Second).Max(x => Math.Abs(x.First - x.Second)));
}
