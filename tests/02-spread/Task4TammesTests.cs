using Katas.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Spread.Tests;

/// <summary>Task 4: Tammes.SoftMinimumLoss and Tammes.Solve reach the proven optima.</summary>
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
        SpreadRun run = LearnerCode.Run(() => Tammes.Solve(n, dim, new TammesSettings()), "Tammes.Solve", SolveLimit);
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
        SpreadRun one = LearnerCode.Run(() => Tammes.Solve(9, 3, new TammesSettings(Restarts: 1, Iterations: 300)), "Tammes.Solve", SolveLimit);
        SpreadRun three = LearnerCode.Run(() => Tammes.Solve(9, 3, new TammesSettings(Restarts: 3, Iterations: 300)), "Tammes.Solve", SolveLimit);
        Assert.That(three.Final.MinimumAngle, Is.GreaterThanOrEqualTo(one.Final.MinimumAngle - 1e-12),
            "Three restarts from the same seed include the first one, so their best can't be worse than one restart's: keep the best run.");
    }
}
