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
    [TestCase(1.0, 100.0, TestName = "A gradient shorter than the clip norm is left as it is")]
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
                                    $"Step {t + 1} is t = {t}, counted from t = 0 (whose rate is LearningRate itself), and uses rate LearningRate × Decay^t (here {settings.RateAt(t)}), " +
                                    (clip is null ? "" : $"a gradient with norm above {clip} is scaled to norm {clip}, ") +
                                    "and each vector is divided by its length after the step." + LikelyCause(run, settings, clip));
                    }
                }
            }
        }
    }

    [Test]
    public void The_loss_is_given_each_steps_iteration_so_it_can_sharpen_over_time()
    {
        var seen = new List<int>();
        Tensor Recording(Tensor vectors, int iteration)
        {
            seen.Add(iteration);
            return LinearLoss(vectors, iteration);
        }

        LearnerCode.Run(() => SphereDescent.Run(Oracle.Tensor(Start), Recording, new DescentSettings(0.3, 4)), "SphereDescent.Run");
        Assert.That(seen.Distinct(), Is.EqualTo(new[] { 0, 1, 2, 3 }),
            $"Run should call the loss at each step with that step's iteration, counted from 0: 0, 1, 2, 3 for 4 iterations (a loss such as " +
            $"Tammes' soft minimum sharpens with it). Yours called it with [{string.Join(", ", seen)}]. " +
            (seen.Count == 4 && seen.All(i => i == seen[0]) ? "Likely cause: a constant passed instead of the loop's iteration." : ""));
    }

    [Test]
    public void The_start_the_end_and_every_RecordEvery_th_iteration_are_recorded()
    {
        var settings = new DescentSettings(0.01, 10, RecordEvery: 4);
        SpreadRun run = LearnerCode.Run(() => SphereDescent.Run(Oracle.Tensor(Start), LinearLoss, settings), "SphereDescent.Run");
        Assert.That(run.Steps.Select(step => step.Iteration), Is.EqualTo(new[] { 0, 4, 8, 10 }),
            "Record iteration 0 (the start), every RecordEvery-th iteration, and the last one (DescentSettings.Records tells which).");
        if (Math.Abs(run.Steps[0].MinimumAngle - SpreadGeometry.MinimumAngle(Start)) > 1e-9)
        {
            // The recorded angle comes from task 1's Angles: a wrong Pairwise is the cause to name, not the recording.
            LossCheck.BlameTask1IfAnglesAreWrong(Start, "The recorded smallest angle (Record uses Angles.Minimum)");
        }

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
    public void A_start_that_is_not_unit_length_is_projected_onto_the_sphere_first()
    {
        // The same directions as Start, 0.5 to 2.5 times as long.
        double[][] longer = Start.Select((row, i) => row.Select(x => x * (0.5 + (0.5 * i))).ToArray()).ToArray();
        var settings = new DescentSettings(0.3, 2);
        SpreadRun run = LearnerCode.Run(() => SphereDescent.Run(Oracle.Tensor(longer), LinearLoss, settings), "SphereDescent.Run");
        double[][] expected = ProjectedStep(Start, settings.RateAt(0), null);
        for (int i = 0; i < Start.Length; i++)
        {
            double length = Math.Sqrt(run.Steps[0].Vectors[i].Sum(x => x * x));
            Assert.That(length, Is.EqualTo(1).Within(1e-9),
                $"Vector {i} of the start has length {0.5 + (0.5 * i)}; the recorded start should be it divided by its length (length 1), " +
                $"but its length is {length}. Project the start onto the sphere before recording it and before the first step.");
            for (int k = 0; k < 3; k++)
            {
                Assert.That(run.Steps[1].Vectors[i][k], Is.EqualTo(expected[i][k]).Within(1e-9),
                    $"After the first step from a start of lengths 0.5 to 2.5, vector {i} should be where the step from the projected start " +
                    "lands: the descent runs on the sphere, so project the start first (a longer start takes a different step).");
            }
        }
    }

    [Test]
    public void The_callers_start_tensor_is_not_changed()
    {
        double[][] longer = Start.Select(row => row.Select(x => 2 * x).ToArray()).ToArray();
        Tensor start = Oracle.Tensor(longer);
        LearnerCode.Run(() => SphereDescent.Run(start, LinearLoss, new DescentSettings(0.3, 3)), "SphereDescent.Run");
        double[] after = TensorAssert.ToDoubles(start);
        double[] before = longer.SelectMany(row => row).ToArray();
        int changed = Enumerable.Range(0, before.Length).Count(k => after[k] != before[k]);
        Assert.That(changed, Is.Zero,
            $"SphereDescent.Run changed {changed} of the {before.Length} numbers of the caller's start tensor. The start belongs to the caller " +
            "(the same start is reused to compare losses): descend on a copy, e.g. initial divided by its norms makes a new tensor " +
            "(detach that, and dispose it and the norms when the run ends); initial.detach() alone shares the caller's memory, and div_/sub_ on it change the caller's tensor.");
        Assert.That(start.requires_grad, Is.False, "SphereDescent.Run turned on requires_grad on the caller's start tensor: work on a copy.");
    }

    [Test]
    public void The_run_does_not_leak_tensors() =>
        LeakCheck.AssertNoLeak(iterations => SphereDescent.Run(Oracle.Tensor(Start), LinearLoss, new DescentSettings(0.01, iterations)),
            "SphereDescent.Run");

    [Test]
    public void The_run_leaves_no_tensors_to_the_garbage_collector()
    {
        // The start is the caller's (made here, on this thread): only what the run makes is counted.
        using Tensor start = Oracle.Tensor(Start);
        LeakCheck.AssertLeavesNoTensors(() => SphereDescent.Run(start, LinearLoss, new DescentSettings(0.01, 3)), "SphereDescent.Run");
    }

    internal static void FailOnNaNOrOffSphere(SpreadRun run)
    {
        for (int s = 0; s < run.Steps.Count; s++)
        {
            SpreadStep step = run.Steps[s];
            for (int i = 0; i < step.Vectors.Length; i++)
            {
                double length = Math.Sqrt(step.Vectors[i].Sum(x => x * x));
                if (!double.IsFinite(length))
                {
                    Assert.Fail($"At iteration {step.Iteration} vector {i} is NaN or infinite. " + WhyNaN(s == 0 ? null : run.Steps[s - 1]));
                }

                Assert.That(length, Is.EqualTo(1).Within(1e-5),
                    $"At iteration {step.Iteration} vector {i} has length {length}: divide every vector by its length after each step.");
            }
        }
    }

    /// <summary>
    /// Names the likely cause of a NaN from what the run recorded before it: vectors that had come close
    /// point at the step size, vectors still well apart at a 0/0 inside the loss's gradient.
    /// </summary>
    private static string WhyNaN(SpreadStep? before)
    {
        if (before is null)
        {
            return "The start itself is not finite: did the run divide the start by a zero length, or record before projecting?";
        }

        double degrees = Oracle.Degrees(SpreadGeometry.MinimumAngle(before.Vectors));
        return degrees < 0.1
            ? $"At iteration {before.Iteration} two vectors were only {degrees:G3}° apart: a step that is too large can put two vectors on " +
              "top of each other, where the force 1/d² is infinite. Lower the learning rate or clip the gradient."
            : $"At iteration {before.Iteration} the vectors were still well apart (smallest angle {degrees:F2}°), so the step size is not the cause: " +
              "the gradient itself was NaN. Look for a 0/0 in the loss, such as a vector's difference with itself (length 0) divided before " +
              "the diagonal is masked (masked_fill after the division hides the NaN from the value, not from the gradient). Task 2's gradient " +
              "checks show it too: ./kata check 02 --task 2.";
    }

    private static Tensor LinearLoss(Tensor vectors, int iteration) => (vectors * Oracle.Tensor(G)).sum();

    private static double[][] ProjectedStep(double[][] vectors, double rate, double? clip, double gradients = 1, bool alwaysClip = false)
    {
        double norm = gradients * Math.Sqrt(G.Sum(row => row.Sum(x => x * x)));
        double scale = gradients * (clip is double c && (norm > c || alwaysClip) ? c / norm : 1);
        return Oracle.Normalise(vectors.Select((row, i) => row.Select((x, k) => x - rate * scale * G[i][k]).ToArray()).ToArray());
    }

    /// <summary>Names a likely cause when the whole run matches a known mistake computed by hand, else "".</summary>
    private static string LikelyCause(SpreadRun run, DescentSettings settings, double? clip)
    {
        bool RunMatches(Func<double[][], int, double[][]> step)
        {
            double[][] vectors = Start;
            for (int t = 0; t < settings.Iterations && t + 1 < run.Steps.Count; t++)
            {
                vectors = step(vectors, t);
                if (vectors.Zip(run.Steps[t + 1].Vectors).Any(pair => pair.First.Zip(pair.Second, (e, a) => Math.Abs(e - a)).Max() > 1e-9))
                {
                    return false;
                }
            }

            return true;
        }

        // backward() adds into .grad: never reset, step t uses t + 1 gradients.
        return RunMatches((v, t) => ProjectedStep(v, settings.RateAt(t), clip, gradients: t + 1))
            ? " Likely cause: the gradient is never reset, so step t uses the sum of all t + 1 gradients so far: backward() ADDS to .grad; " +
              "zero it (vectors.grad.zero_()) after each step."
            : clip is not null && RunMatches((v, t) => ProjectedStep(v, settings.RateAt(t), clip, alwaysClip: true))
                ? $" Likely cause: a gradient shorter than the clip norm was scaled UP to norm {clip}: clip only when its norm is above ClipNorm."
                : "";
    }

}
