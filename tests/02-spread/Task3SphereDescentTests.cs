using Katas.Testing.Coaching;
using Katas.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Spread.Tests;

/// <summary>Task 3: SphereDescent.Run.</summary>
[KataTask(3)]
public sealed class Task3SphereDescentTests : KataTest
{
    private static DescentSettings ForceSettings => DescentSettings.ArticleLosses;

    private static readonly double[][] Start = Oracle.RandomVectors(5, 3, seed: 8);

    // A linear loss Σ G·v has the constant gradient G, so every step can be computed by hand.
    private static readonly double[][] G = Oracle.RandomVectors(5, 3, seed: 9).Select(row => row.Select(x => 0.7 * x).ToArray()).ToArray();

    [TestCase(1.0, null, TestName = "Each step moves against the gradient and projects back onto the sphere")]
    [TestCase(0.5, null, TestName = "The learning rate decays by the given factor after every step")]
    [TestCase(1.0, 0.05, TestName = "A gradient longer than the clip norm is scaled down to it")]
    public void The_run_matches_projected_gradient_descent_computed_by_hand(double decay, double? clip)
    {
        var settings = new DescentSettings(0.3, 4, decay, clip);
        SpreadRun run = LearnerCode.Run(() => SphereDescent.Run(Oracle.Tensor(Start), LinearLoss, settings), "SphereDescent.Run");
        Assert.That(run.Steps.Select(step => step.Iteration), Is.EqualTo(new[] { 0, 1, 2, 3, 4 }),
            "With RecordEvery 1, the run records the start (iteration 0) and every iteration after it.");
        double[][] expected = Start;
        for (int t = 0; t < settings.Iterations; t++)
        {
            expected = ProjectedStep(expected, settings.RateAt(t), clip);
            for (int i = 0; i < expected.Length; i++)
            {
                for (int k = 0; k < 3; k++)
                {
                    double actual = run.Steps[t + 1].Vectors[i][k];
                    if (Math.Abs(actual - expected[i][k]) > 1e-9)
                    {
                        Assert.Fail($"After step {t + 1}, vector {i} should be [{string.Join(", ", expected[i].Select(x => x.ToString("F6")))}] " +
                                    $"but is [{string.Join(", ", run.Steps[t + 1].Vectors[i].Select(x => x.ToString("F6")))}]. " +
                                    $"Step t uses rate LearningRate × Decay^t (here {settings.RateAt(t)}), " +
                                    (clip is null ? "" : $"a gradient with norm above {clip} is scaled to norm {clip}, ") +
                                    "and each vector is divided by its length after the step.");
                    }
                }
            }
        }
    }

    [Test]
    public void The_start_the_end_and_every_RecordEvery_th_iteration_are_recorded()
    {
        var settings = new DescentSettings(0.01, 10, RecordEvery: 4);
        SpreadRun run = LearnerCode.Run(() => SphereDescent.Run(Oracle.Tensor(Start), LinearLoss, settings), "SphereDescent.Run");
        Assert.That(run.Steps.Select(step => step.Iteration), Is.EqualTo(new[] { 0, 4, 8, 10 }),
            "Record iteration 0 (the start), every RecordEvery-th iteration, and the last one (DescentSettings.Records tells which).");
        Assert.That(run.Steps[0].MinimumAngle, Is.EqualTo(SpreadGeometry.MinimumAngle(Start)).Within(1e-9),
            "Each recorded step carries the smallest angle of its vectors (radians).");
    }

    [Test]
    public void The_force_loss_spreads_20_vectors_in_2D_to_within_half_a_percent_of_18_degrees()
    {
        double[][] start = Oracle.RandomVectors(20, 2, seed: 1);
        SpreadRun run = LearnerCode.Run(() => SphereDescent.Run(Oracle.Tensor(start), (v, _) => Losses.TangentForce(v), ForceSettings),
            "SphereDescent.Run with Losses.TangentForce", TimeSpan.FromSeconds(60));
        FailOnNaNOrOffSphere(run);
        Assert.That(run.Final.MinimumAngleDegrees, Is.GreaterThan(18 * 0.995),
            $"20 vectors in 2D are best spread as a regular 20-gon, 18° apart. The force loss ended at {run.Final.MinimumAngleDegrees:F4}° " +
            $"after {ForceSettings.Iterations} steps (rate {ForceSettings.LearningRate}, decay {ForceSettings.Decay}, clip {ForceSettings.ClipNorm}).");
    }

    [Test]
    public void Vectors_stay_unit_length_and_finite_at_every_step()
    {
        double[][] start = Oracle.RandomVectors(12, 3, seed: 4);
        var settings = new DescentSettings(0.05, 200, 0.99, ClipNorm: 1, RecordEvery: 10);
        SpreadRun run = LearnerCode.Run(() => SphereDescent.Run(Oracle.Tensor(start), (v, _) => Losses.MinimumAngleWithSpread(v), settings),
            "SphereDescent.Run");
        FailOnNaNOrOffSphere(run);
    }

    [Test]
    public void The_run_does_not_leak_tensors() =>
        LeakCheck.AssertNoLeak(iterations => SphereDescent.Run(Oracle.Tensor(Start), LinearLoss, new DescentSettings(0.01, iterations)),
            "SphereDescent.Run");

    internal static void FailOnNaNOrOffSphere(SpreadRun run)
    {
        foreach (SpreadStep step in run.Steps)
        {
            for (int i = 0; i < step.Vectors.Length; i++)
            {
                double length = Math.Sqrt(step.Vectors[i].Sum(x => x * x));
                if (!double.IsFinite(length))
                {
                    Assert.Fail($"At iteration {step.Iteration} vector {i} is NaN or infinite. A step that is too large can put two vectors on top of " +
                                "each other, where the force 1/d² is infinite: lower the learning rate or clip the gradient.");
                }

                Assert.That(length, Is.EqualTo(1).Within(1e-5),
                    $"At iteration {step.Iteration} vector {i} has length {length}: divide every vector by its length after each step.");
            }
        }
    }

    private static Tensor LinearLoss(Tensor vectors, int iteration) => (vectors * Oracle.Tensor(G)).sum();

    private static double[][] ProjectedStep(double[][] vectors, double rate, double? clip)
    {
        double norm = Math.Sqrt(G.Sum(row => row.Sum(x => x * x)));
        double scale = clip is double c && norm > c ? c / norm : 1;
        return Oracle.Normalise(vectors.Select((row, i) => row.Select((x, k) => x - rate * scale * G[i][k]).ToArray()).ToArray());
    }

}
