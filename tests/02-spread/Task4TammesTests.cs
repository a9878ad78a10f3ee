using Katas.Testing;
using Katas.Testing.Oracles;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Spread.Tests;

/// <summary>Task 4: Tammes.SoftMinimumLoss, its gradient by hand, and Tammes.Solve reach the proven optima.</summary>
[KataTask(4)]
public sealed class Task4TammesTests : KataTest
{
    private static readonly TimeSpan SolveLimit = TimeSpan.FromSeconds(60);

    [Test]
    public void The_soft_minimum_loss_brackets_the_smallest_squared_distance()
    {
        double[][] v = Oracle.RandomVectors(8, 3, seed: 21);
        double smallest = 2 - 2 * Math.Cos(SpreadGeometry.MinimumAngle(v));
        int pairs = 8 * 7;
        foreach (double sharpness in new[] { 5.0, 50.0, 5000.0 })
        {
            double loss = LossCheck.Value(x => Tammes.SoftMinimumLoss(x, sharpness), v, "Tammes.SoftMinimumLoss");
            // (1/β)·log Σ exp(−β d²) lies between −min d² and −min d² + log(pairs)/β.
            Assert.That(loss, Is.InRange(-smallest - 1e-12, -smallest + Math.Log(pairs) / sharpness + 1e-12),
                $"With sharpness {sharpness} the loss should be (1/β)·log Σᵢ≠ⱼ exp(−β|vᵢ − vⱼ|²), between −(smallest squared distance) = " +
                $"{-smallest:F6} and that plus log({pairs})/β; yours is {loss:F6}. Did you leave the diagonal (a vector with itself, distance 0) in?");
        }
    }

    [Test]
    public void The_soft_minimum_loss_of_a_batch_is_each_sets_own_loss()
    {
        double[][][] sets = [Oracle.RandomVectors(7, 3, seed: 31), Oracle.RandomVectors(7, 3, seed: 32), Oracle.RandomVectors(7, 3, seed: 33)];
        using Tensor batch = torch.stack(sets.Select(Oracle.Tensor).ToArray());
        Tensor losses = LearnerCode.Run(() => Tammes.SoftMinimumLoss(batch, 30), "Tammes.SoftMinimumLoss on a batch");
        TensorAssert.HasShape(losses, [3], "The loss of a batch of 3 sets of vectors, shape [3, 7, 3],");
        double[] yours = TensorAssert.ToDoubles(losses);
        for (int r = 0; r < sets.Length; r++)
        {
            double expected = Oracle.SoftMinimum(sets[r], 30);
            Assert.That(yours[r], Is.EqualTo(expected).Within(1e-9),
                $"Set {r} of the batch should have its own soft minimum {expected:F9} (plain loops over its pairs); yours is {yours[r]:F9}. " +
                "Use matmul with transpose(-1, -2) (not t(), which is for 2-D tensors) and take logsumexp over the last two dimensions only.");
        }
    }

    [Test]
    public void The_soft_minimum_gradient_by_hand_matches_finite_differences_of_the_loss()
    {
        double[][][] sets = [Oracle.RandomVectors(6, 3, seed: 41), Oracle.RandomVectors(6, 3, seed: 42)];
        const double sharpness = 20;
        using Tensor batch = torch.stack(sets.Select(Oracle.Tensor).ToArray());
        Tensor gradient = LearnerCode.Run(() => Tammes.SoftMinimumGradient(batch, sharpness), "Tammes.SoftMinimumGradient");
        TensorAssert.HasShape(gradient, [2, 6, 3], "The gradient of a batch of 2 sets of 6 vectors in 3D");
        double[] yours = TensorAssert.ToDoubles(gradient);
        for (int r = 0; r < sets.Length; r++)
        {
            double[][] set = sets[r];
            double[] flat = set.SelectMany(v => v).ToArray();
            // The oracle: central differences of the loss computed in plain loops, set by set.
            double[] numeric = GradientCheck.CentralDifferences(x =>
                Oracle.SoftMinimum(Enumerable.Range(0, set.Length).Select(i => x.Skip(i * 3).Take(3).ToArray()).ToArray(), sharpness), flat);
            string[] names = Enumerable.Range(0, flat.Length).Select(k => $"set {r}, v[{k / 3}][{k % 3}]").ToArray();
            string? table = GradientCheck.Compare(names, yours.Skip(r * flat.Length).Take(flat.Length).ToArray(), numeric,
                "yours", "finite differences", relative: 1e-5, absolute: 1e-6);
            Assert.That(table, Is.Null,
                $"SoftMinimumGradient should be the gradient of SoftMinimumLoss, set by set: 4·P·V with P the softmax of −β|vᵢ − vⱼ|² " +
                $"over the ordered pairs i ≠ j. It is not:\n{table}");
        }
    }

    [Test]
    public void The_soft_minimum_gradient_by_hand_equals_autograds()
    {
        double[][] v = Oracle.RandomVectors(9, 4, seed: 43);
        Tensor input = Oracle.Tensor(v).requires_grad_();
        LearnerCode.Run(() => Tammes.SoftMinimumLoss(input, 50).backward(), "Tammes.SoftMinimumLoss and backward()");
        Assert.That(input.grad, Is.Not.Null, "The vectors have no gradient after SoftMinimumLoss(...).backward(): compute the loss from the vectors with tensor operations.");
        double[] autograd = TensorAssert.ToDoubles(input.grad!);
        double[] yours = TensorAssert.ToDoubles(LearnerCode.Run(() => Tammes.SoftMinimumGradient(Oracle.Tensor(v), 50), "Tammes.SoftMinimumGradient"));
        string? table = GradientCheck.Compare(Enumerable.Range(0, yours.Length).Select(k => $"v[{k / 4}][{k % 4}]").ToArray(), yours, autograd,
            "yours", "autograd", relative: 1e-9, absolute: 1e-12);
        Assert.That(table, Is.Null, $"Your gradient by hand and TorchSharp's autograd of your loss disagree (one vector set, [N, D]):\n{table}");
    }

    [Test]
    public void The_soft_minimum_loss_gradient_matches_finite_differences() =>
        LossCheck.GradientMatchesFiniteDifferences(v => Tammes.SoftMinimumLoss(v, 20), Oracle.RandomVectors(6, 3, seed: 22),
            "Tammes.SoftMinimumLoss");

    [TestCase(20, 2, 18.0, 0.005 * 18.0, TestName = "20 vectors in 2D reach the regular 20-gon's 18 degrees")]
    [TestCase(4, 3, 109.4712, 0.01, TestName = "4 vectors in 3D reach the tetrahedron's 109.4712 degrees")]
    [TestCase(5, 3, 90.0, 0.01, TestName = "5 vectors in 3D reach 90 degrees")]
    [TestCase(6, 3, 90.0, 0.01, TestName = "6 vectors in 3D reach the octahedron's 90 degrees")]
    [TestCase(12, 3, 63.4349, 0.01, TestName = "12 vectors in 3D reach the icosahedron's 63.4349 degrees")]
    [TestCase(33, 32, 91.7908, 0.01, TestName = "33 vectors in 32D reach the regular simplex's 91.7908 degrees")]
    [TestCase(64, 32, 90.0, 0.01, TestName = "64 vectors in 32D reach the cross-polytope's 90 degrees")]
    public void The_tammes_solver_reaches_the_proven_optimum(int n, int dim, double optimumDegrees, double toleranceDegrees)
    {
        SpreadRun run = LearnerCode.Run(() => Tammes.Solve(n, dim, TammesSettings.Quick), "Tammes.Solve", SolveLimit);
        Task3SphereDescentTests.FailOnNaNOrOffSphere(run);
        double reached = Oracle.Degrees(SpreadGeometry.MinimumAngle(run.Final.Vectors));
        Assert.That(reached, Is.EqualTo(optimumDegrees).Within(toleranceDegrees),
            $"{n} vectors in {dim}D can be {optimumDegrees}° apart; your solver's best run ended at {reached:F4}° " +
            $"(the run reported {run.Final.MinimumAngleDegrees:F4}°). Sharpen the soft minimum as the learning rate shrinks, " +
            "and scale the loss so each vector's step does not shrink as N grows.");
    }

    [Test]
    public void The_solver_keeps_the_best_of_its_restarts()
    {
        // Every restart survives (Survivors = Restarts), so the first of three runs exactly as a single one does.
        var settings = new TammesSettings(Restarts: 1, Survivors: 1, ExploreIterations: 100, RefineIterations: 200);
        SpreadRun one = LearnerCode.Run(() => Tammes.Solve(9, 3, settings), "Tammes.Solve", SolveLimit);
        SpreadRun three = LearnerCode.Run(() => Tammes.Solve(9, 3, settings with { Restarts = 3, Survivors = 3 }), "Tammes.Solve", SolveLimit);
        Assert.That(three.Final.MinimumAngle, Is.GreaterThanOrEqualTo(one.Final.MinimumAngle - 1e-12),
            $"Three restarts from the same seed include the first one, so their best can't be worse than one restart's ({Oracle.Degrees(one.Final.MinimumAngle):F4}°), " +
            $"but yours ended at {Oracle.Degrees(three.Final.MinimumAngle):F4}°: draw the starts as one [R, N, D] tensor and return the restart with the largest smallest angle.");
    }

    [Test]
    public void Every_restart_starts_from_its_own_draw_and_the_best_start_wins()
    {
        // StepScale 0: the steps move nothing, so the solver can only pick among its starts.
        const int restarts = 12, seed = 5;
        var settings = new TammesSettings(Restarts: restarts, Survivors: restarts, ExploreIterations: 3, RefineIterations: 0, StepScale: 0, Seed: seed);
        SpreadRun run = LearnerCode.Run(() => Tammes.Solve(9, 3, settings), "Tammes.Solve", SolveLimit);

        // The oracle: the starts drawn as the README says, one SpreadGeometry.RandomUnitVectors per restart from one generator.
        double[] startAngles = [.. Oracle.RestartDraws(9, 3, restarts, seed).Select(SpreadGeometry.MinimumAngle)];
        int best = Array.IndexOf(startAngles, startAngles.Max());
        Assert.That(best, Is.Not.Zero, "Test data: the first start must not be the best one, or ignoring the restarts would go unnoticed.");

        double yours = run.Final.MinimumAngle;
        string cause = Math.Abs(yours - startAngles[0]) < 1e-9
            ? " That is the FIRST start's angle. Likely causes: Solve returns the run at index 0 instead of the best at the end " +
              "(recorder.RunOf of the argmin of the largest cosines: with no cut the batch is in draw order, and after a cut in the cut's order), " +
              "or the largest cosines that rank the restarts include each vector with itself (cosine 1 on the diagonal, not masked): every " +
              "restart's largest cosine is then 1, they all tie and the first is taken; or not all Restarts are drawn (torch.stack of " +
              "Restarts draws), each from the same generator, without a new Generator(Seed) per " +
              "restart (which makes every restart the same start)."
            : Array.FindIndex(startAngles, angle => Math.Abs(angle - yours) < 1e-9) is int k and >= 0
                ? $" That is start {k}'s angle, not the best: return the restart with the LARGEST smallest angle."
                : " That is none of the starts: with StepScale 0 no step may move the vectors (rate = StepScale/β).";
        Assert.That(Oracle.Degrees(yours), Is.EqualTo(Oracle.Degrees(startAngles[best])).Within(1e-7),
            $"With {restarts} restarts that cannot move (StepScale 0), Solve should return the best of its {restarts} starts, start {best} " +
            $"({Oracle.Degrees(startAngles[best]):F4}°); yours ended at {Oracle.Degrees(yours):F4}°.{cause}");
    }

    [Test]
    public void After_exploring_the_solver_refines_only_the_survivors_and_their_run_is_recorded()
    {
        var settings = new TammesSettings(Restarts: 16, Survivors: 2, ExploreIterations: 300, RefineIterations: 1200);
        SpreadRun run = LearnerCode.Run(() => Tammes.Solve(10, 3, settings), "Tammes.Solve", SolveLimit);
        int[] expected = [.. Enumerable.Range(0, 101).Select(k => k * 15)];
        Assert.That(run.Steps.Select(step => step.Iteration), Is.EqualTo(expected),
            $"A run of {settings.Iterations} steps should be recorded at the start, every {settings.Iterations / 100} steps and at the end " +
            "(BatchRecorder.Record after every step, with RecordEvery = Iterations / 100).");
        // The recorded steps are one restart's path: recomputing their angles from the recorded vectors must agree.
        foreach (SpreadStep step in run.Steps.Where((_, i) => i % 20 == 0))
        {
            Assert.That(step.MinimumAngle, Is.EqualTo(SpreadGeometry.MinimumAngle(step.Vectors)).Within(1e-9),
                $"At iteration {step.Iteration} the recorded angle does not belong to the recorded vectors.");
        }

        Assert.That(Oracle.Degrees(run.Final.MinimumAngle), Is.EqualTo(SpreadGeometry.BestKnownDegrees3D[10]).Within(0.01),
            $"16 restarts and 2 survivors should find the best 10-point arrangement ({SpreadGeometry.BestKnownDegrees3D[10]}°); yours ended at " +
            $"{Oracle.Degrees(run.Final.MinimumAngle):F4}°.");
    }
}
