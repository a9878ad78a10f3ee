using System.Globalization;
using Katas.Testing;
using Katas.Testing.Coaching;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Adversarial.Tests;

/// <summary>Task 2: SignAttack, the article's iterative attack: steps against the gradient's sign, clipped to [0, 1].</summary>
[KataTask(2)]
public sealed class Task2SignAttackTests : KataTest
{
    private const double Step = 0.02;

    [Test]
    public void It_returns_the_original_and_every_step_with_the_models_probabilities_for_each()
    {
        var model = TinyClassifier.Create();
        Tensor images = TinyClassifier.Images(3, seed: 21);
        AttackSteps run = LearnerCode.Run(() => SignAttack.Run(model, images, target: 1, steps: 3, stepSize: Step), "SignAttack.Run");
        Assert.That(run.Images, Has.Count.EqualTo(4), "3 steps give 4 images: the original (Images[0]), then one after each step.");
        Assert.That(run.Probabilities, Has.Count.EqualTo(4), "3 steps give 4 rows of the article's table: the probabilities of the original and after each step.");
        AssertOriginalFirst(run, images);
        for (int k = 1; k < 3; k++)
        {
            // Every step moves every value of these pictures (none sits at 0 or 1), so two steps' pictures never agree.
            Assert.That(TinyClassifier.Same(run.Images[k], run.Images[k + 1]), Is.False,
                $"Images[{k}] and Images[{k + 1}] hold the same values, although step {k + 1} moved the picture: they are most likely one " +
                "tensor that the later steps changed in place. Keep a copy of the picture after each step (x.clone()), not x itself.");
        }

        for (int k = 0; k <= 3; k++)
        {
            TensorAssert.HasShape(run.Images[k], [3, 3, 4, 4], $"Images[{k}]");
            double[][] logits = TinyClassifier.Logits(model, run.Images[k]);
            double[] expected = logits.SelectMany(TinyClassifier.Softmax).ToArray();
            TensorAssert.Close(run.Probabilities[k].to(ScalarType.Float64), expected, [3, 2],
                $"Probabilities[{k}] (the softmax of the model in eval mode for Images[{k}])", rtol: 1e-9, atol: 1e-12);
        }
    }

    private static void AssertOriginalFirst(AttackSteps run, Tensor images) =>
        Assert.That(run.Images.Count > 0 && TinyClassifier.Same(run.Images[0], images), Is.True,
            "Images[0] must be the original pictures, unchanged; yours holds other values. Likely cause: the list's first entry is the tensor the " +
            "steps then change in place (new List<Tensor> { x }); keep a copy of the original instead: { x.clone() }.");

    [Test]
    public void The_first_step_moves_each_value_one_step_against_the_sign_of_the_finite_difference_gradient()
    {
        var model = TinyClassifier.Create();
        Tensor images = TinyClassifier.Images(1, seed: 22);
        double[] x0 = TinyClassifier.Row(images, 0);
        double[] gradient = TinyClassifier.FiniteDifferences(model, x0, logits =>
        {
            double[] p = TinyClassifier.Softmax(logits);
            return p[0] - p[1];
        });
        AttackSteps run = LearnerCode.Run(() => SignAttack.Run(model, images, target: 1, steps: 1, stepSize: Step), "SignAttack.Run");
        double[] x1 = TinyClassifier.Row(run.Images[1], 0);
        int with = 0;
        var wrong = new List<string>();
        for (int i = 0; i < x0.Length; i++)
        {
            double expected = Math.Clamp(x0[i] - (Step * Math.Sign(gradient[i])), 0, 1);
            if (Math.Abs(x1[i] - expected) > 1e-9 && Math.Abs(gradient[i]) > 1e-9)
            {
                with += Math.Abs(x1[i] - Math.Clamp(x0[i] + (Step * Math.Sign(gradient[i])), 0, 1)) < 1e-9 ? 1 : 0;
                wrong.Add(string.Create(CultureInfo.InvariantCulture,
                    $"  {TinyClassifier.Pixel(i),-10} was {x0[i]:0.0000}, ∂loss/∂x {gradient[i],10:G3}: expected {expected:0.0000}, yours {x1[i]:0.0000}"));
            }
        }

        int movable = gradient.Count(g => Math.Abs(g) > 1e-9);
        string cause = with == wrong.Count && with > 0 && with < movable
            ? $"Those {with} moved WITH the gradient of the loss p_other − p_target, while the other {movable - with} moved against it as they should: " +
              "the step's direction is right, but it follows another loss, whose gradient has another sign in places (−logit_target, −p_target, " +
              "a cross-entropy). The article's loss is p_other − p_target: InputGradient.ProbabilityGap(logits, target)."
            : with == wrong.Count && with > 0
            ? "Every one of them moved WITH the gradient of the loss p_other − p_target: the picture becomes MORE of its own class. Step against it: x − step·sign(gradient)."
            : "Each value must move by exactly the step, against the sign of the gradient of p_other − p_target (toward the target), then be clipped to [0, 1].";
        Assert.That(wrong, Is.Empty, $"{wrong.Count} of {x0.Length} values of the first step are wrong. {cause}\n{string.Join('\n', wrong.Take(12))}");
    }

    [TestCase(0)]
    [TestCase(1)]
    public void The_targets_probability_rises_at_every_step(int target)
    {
        var model = TinyClassifier.Create();
        Tensor images = TinyClassifier.Images(4, seed: 23);
        AttackSteps run = LearnerCode.Run(() => SignAttack.Run(model, images, target, steps: 4, stepSize: Step), "SignAttack.Run");
        double[][] p = run.Probabilities.Select(step => step.to(ScalarType.Float64)[TensorIndex.Colon, target].data<double>().ToArray()).ToArray();
        for (int k = 1; k < p.Length; k++)
        {
            for (int i = 0; i < 4; i++)
            {
                Assert.That(p[k][i], Is.GreaterThan(p[k - 1][i]), string.Create(CultureInfo.InvariantCulture,
                    $"Picture {i}: the probability of the target class {target} went from {p[k - 1][i]:0.0000} to {p[k][i]:0.0000} at step {k}. ") +
                    (p[k][i] < p[k - 1][i] && p.Skip(1).Zip(p, (now, before) => now[i] < before[i]).All(down => down)
                        ? "It FELL at every step: the picture becomes MORE of its class. The step goes with the gradient of the loss; go against it (x − step·sign(∂loss/∂x))."
                        : "Each step should move against the sign of the gradient of p_other − p_target."));
            }
        }
    }

    [Test]
    public void Every_value_moves_by_exactly_the_step_at_each_step()
    {
        var model = TinyClassifier.Create();
        Tensor images = TinyClassifier.Images(2, seed: 24, low: 0.2, high: 0.8);
        AttackSteps run = LearnerCode.Run(() => SignAttack.Run(model, images, target: 1, steps: 3, stepSize: Step), "SignAttack.Run");
        // Measured from an Images[0] that is not the original, the first step's moves would look like anything: that cause first.
        AssertOriginalFirst(run, images);
        for (int k = 1; k <= 3; k++)
        {
            double[] moves = (run.Images[k] - run.Images[k - 1]).abs().to(ScalarType.Float64).data<double>().ToArray();
            double[] off = moves.Where(m => Math.Abs(m - Step) > 1e-9).ToArray();
            Assert.That(off, Is.Empty, string.Create(CultureInfo.InvariantCulture,
                $"At step {k}, {off.Length} of {moves.Length} values moved by something other than the step {Step} (far from 0 and 1, nothing is clipped): " +
                $"moves from {moves.Min():G3} to {moves.Max():G3}. ") +
                (moves.Distinct().Count() > 2 ? "Likely cause: you stepped along the raw gradient; the article moves every value by exactly one step, in the direction of the gradient's SIGN (sign())."
                    : moves.All(m => Math.Abs(m - SignAttack.ArticleStep) < 1e-9) ? "Likely cause: the stepSize argument is ignored: every value moved by the default 1/255. Use stepSize when it is given (stepSize ?? ArticleStep)."
                    : ""));
        }
    }

    [Test]
    public void Each_step_follows_the_gradient_at_the_picture_it_starts_from()
    {
        // The bowl's class 1 wants every value at 0.5. Values 0.05 from it cross 0.5 in a step of 0.1, so the gradient's sign there
        // flips and step 2 moves them back; values 0.15 away do not cross and keep going.
        const double step = 0.1;
        var model = new BowlClassifier();
        double[] offsets = Enumerable.Range(0, TinyClassifier.Values).Select(i => new[] { -0.15, -0.05, 0.05, 0.15 }[i % 4]).ToArray();
        Tensor images = torch.tensor(offsets.Select(u => BowlClassifier.Centre + u).ToArray(), [1, TinyClassifier.Channels, TinyClassifier.Side, TinyClassifier.Side]);
        AttackSteps run = LearnerCode.Run(() => SignAttack.Run(model, images, target: 1, steps: 2, stepSize: step), "SignAttack.Run");
        Assert.That(run.Images, Has.Count.EqualTo(3), "2 steps give 3 images: the original, then one after each step.");
        double[] x1 = TinyClassifier.Row(run.Images[1], 0);
        double[] x2 = TinyClassifier.Row(run.Images[2], 0);
        // Toward the centre: against the sign of ∂(p0 − p1)/∂x, which is the sign of x − 0.5.
        int[] wrong = Enumerable.Range(0, x2.Length).Where(i => Math.Abs(x2[i] - (x1[i] - (step * Math.Sign(x1[i] - BowlClassifier.Centre)))) > 1e-9).ToArray();
        bool sameAsFirst = wrong.Length > 0 && wrong.All(i => Math.Abs(x2[i] - x1[i] + (step * Math.Sign(offsets[i]))) < 1e-9);
        Assert.That(wrong, Is.Empty, string.Create(CultureInfo.InvariantCulture,
            $"Step 2 should move each value against the sign of the gradient at the picture after step 1. With a classifier whose class 1 wants every " +
            $"value at 0.5, a value that started at 0.55 is at 0.45 after step 1 and should go back to 0.55; {wrong.Length} of {x2.Length} values did not " +
            $"(e.g. {TinyClassifier.Pixel(wrong.FirstOrDefault())}: {x1[wrong.FirstOrDefault()]:0.00} went to {x2[wrong.FirstOrDefault()]:0.00}). ") +
            (Task1Cause(model, run.Images[1], target: 1)
                ?? (sameAsFirst
                    ? "Likely cause: every step reused the first step's gradient (computed once, before the loop): compute it again at the current picture in every step."
                    : "Compute the gradient of p_other − p_target at the current picture in every step.")));
    }

    /// <summary>
    /// The attack steps along task 1's InputGradient of ProbabilityGap: when that already differs from finite differences at
    /// <paramref name="pictures"/>' first picture, task 1 is the cause to name. Null when it agrees (or is not written yet).
    /// </summary>
    private static string? Task1Cause(nn.Module<Tensor, Tensor> model, Tensor pictures, long target)
    {
        Tensor first = pictures.narrow(0, 0, 1).detach().clone();
        double[] numeric = TinyClassifier.FiniteDifferences(model, TinyClassifier.Row(first, 0), logits =>
        {
            double[] p = TinyClassifier.Softmax(logits);
            return p[1 - target] - p[target];
        });
        double[]? yours = LearnerCode.RunIfWritten(() => TinyClassifier.Row(InputGradient.Of(model, first, logits => InputGradient.ProbabilityGap(logits, target)), 0),
            "InputGradient.Of (ProbabilityGap)");
        double scale = numeric.Max(Math.Abs);
        double worst = yours is null || yours.Length != numeric.Length ? 0 : yours.Zip(numeric, (a, e) => Math.Abs(a - e)).Max();
        return worst > 1e-6 * Math.Max(1, scale) && worst > 1e-9
            ? $"Likely cause: task 1. Your InputGradient.Of of ProbabilityGap already differs from finite differences at this picture (by up to {worst:G3}, " +
              $"largest finite difference {scale:G3}), and every step follows its sign: fix task 1 first (./kata check 03 --task 1 says how)."
            : null;
    }

    [Test]
    public void The_attack_does_not_leak_tensors()
    {
        var model = TinyClassifier.Create();
        Tensor images = TinyClassifier.Images(2, seed: 30);
        // The check frees what the attack returns, as a caller does: a result that hands back the caller's own tensor would free the
        // caller's pictures with it, and the next call would fail on them.
        AttackSteps once = LearnerCode.Run(() => SignAttack.Run(model, images, target: 1, steps: 1, stepSize: Step), "SignAttack.Run");
        Assert.That(once.Images.Concat(once.Probabilities).Any(tensor => ReferenceEquals(tensor, images)), Is.False,
            "The attack returned the caller's own images tensor among its results (Images[0] = images): whoever disposes the results, as this " +
            "check and every caller does, disposes the caller's pictures too. Images[0] is a copy of the original: images.detach().clone().");
        DisposeAll(once);
        LeakCheck.AssertNoLeak(steps => DisposeAll(SignAttack.Run(model, images, target: 1, steps, stepSize: Step)), "SignAttack.Run");
    }

    /// <summary>Frees what the attack returns (the caller's to keep), so only what the attack left behind counts as leaked.</summary>
    private static void DisposeAll(AttackSteps run)
    {
        foreach (Tensor tensor in run.Images.Concat(run.Probabilities))
        {
            tensor.Dispose();
        }
    }

    [Test]
    public void The_default_step_is_one_count_of_an_8_bit_picture()
    {
        var model = TinyClassifier.Create();
        Tensor images = TinyClassifier.Images(2, seed: 25, low: 0.2, high: 0.8);
        AttackSteps run = LearnerCode.Run(() => SignAttack.Run(model, images, target: 0, steps: 1), "SignAttack.Run");
        double largest = (run.Images[1] - images).abs().max().ToDouble();
        Assert.That(largest * 255, Is.EqualTo(1).Within(1e-6), string.Create(CultureInfo.InvariantCulture,
            $"With the default step each value should move by 1/255 (one count of 0-255), the article's step; yours moved by up to {largest:G4} = {largest * 255:G4} counts. ") +
            (largest > 0.5 ? "Likely cause: the step is in 0-255 units (1) while the pixels are in [0, 1]: divide by 255." : ""));
    }

    [Test]
    public void Every_value_stays_in_0_to_1()
    {
        var model = TinyClassifier.Create();
        // Half the values at 0, half at 1: any step outward leaves [0, 1] unless clipped.
        Tensor images = TinyClassifier.Images(2, seed: 26).gt(0.5).to(ScalarType.Float64);
        AttackSteps run = LearnerCode.Run(() => SignAttack.Run(model, images, target: 1, steps: 2, stepSize: Step), "SignAttack.Run");
        for (int k = 1; k <= 2; k++)
        {
            double low = run.Images[k].min().ToDouble();
            double high = run.Images[k].max().ToDouble();
            string message = string.Create(CultureInfo.InvariantCulture,
                $"After step {k} the values span {low:G4} to {high:G4}: a picture's values are in [0, 1]. Clip after every step (clamp(0, 1)): ") +
                "the article does, and a value outside [0, 1] is no picture.";
            Assert.That(low >= 0 && high <= 1, Is.True, message);
        }
    }

    [Test]
    public void The_callers_pictures_are_left_alone_and_two_runs_give_the_same_pictures()
    {
        var model = TinyClassifier.Create();
        Tensor images = TinyClassifier.Images(2, seed: 27);
        Tensor before = images.clone();
        AttackSteps first = LearnerCode.Run(() => SignAttack.Run(model, images, target: 1, steps: 3, stepSize: Step), "SignAttack.Run");
        Assert.That(TinyClassifier.Same(images, before), Is.True,
            $"The attack changed the caller's pictures (by up to {(images - before).abs().max().ToDouble():G3}): step a copy (images.detach().clone()), " +
            "never the tensor you were given; the caller still needs the original.");
        AttackSteps second = LearnerCode.Run(() => SignAttack.Run(model, images, target: 1, steps: 3, stepSize: Step), "SignAttack.Run");
        Assert.That(TinyClassifier.Same(first.Final, second.Final), Is.True,
            "Two runs of the same attack gave different pictures. In eval mode with frozen weights the attack is deterministic." + Frozen.TrainingModeCause(model));
        Assert.That(Frozen.ParametersWithGradient(model), Is.Null, "The attack left gradients on the model's parameters: freeze them (task 1).");
    }

    [TestCase(0.0)]
    [TestCase(-0.01)]
    [TestCase(double.NaN)]
    public void A_step_size_not_above_0_is_an_ArgumentOutOfRangeException(double stepSize)
    {
        var model = TinyClassifier.Create();
        Tensor images = TinyClassifier.Images(1, seed: 29);
        Exception? thrown = LearnerCode.Run(() => Thrown.By(() => SignAttack.Run(model, images, target: 1, steps: 2, stepSize: stepSize)),
            $"SignAttack.Run (stepSize: {stepSize})");
        Assert.That(thrown, Is.InstanceOf<ArgumentOutOfRangeException>(),
            $"stepSize = {stepSize} must throw an ArgumentOutOfRangeException: a step that is not above 0 never moves the picture, or moves it the wrong " +
            "way, and an attack that silently returns copies of the original hides the caller's mistake. " +
            (thrown is null ? (double.IsNaN(stepSize)
                    ? "Yours returned normally: NaN is not above 0, but it passes a check like size <= 0 (every comparison with NaN is false), and " +
                      "it turns every value of the picture into NaN. Test !(size > 0), which refuses NaN too."
                    : "Yours returned normally (a check of size < 0 lets 0 through; test !(size > 0), which refuses NaN too).")
                : $"Yours threw {thrown.GetType().Name}: {thrown.Message.Split('\n')[0]}"));
    }

    [Test]
    public void Zero_steps_return_the_original_and_a_negative_count_is_an_ArgumentOutOfRangeException()
    {
        var model = TinyClassifier.Create();
        Tensor images = TinyClassifier.Images(1, seed: 28);
        AttackSteps run = LearnerCode.Run(() => SignAttack.Run(model, images, target: 1, steps: 0), "SignAttack.Run");
        Assert.That(run.Images, Has.Count.EqualTo(1), "0 steps: only the original in Images.");
        Exception? negative = LearnerCode.Run(() => Thrown.By(() => SignAttack.Run(model, images, target: 1, steps: -1)), "SignAttack.Run (steps: -1)");
        Assert.That(negative, Is.InstanceOf<ArgumentOutOfRangeException>(),
            "steps = -1 must throw an ArgumentOutOfRangeException (ArgumentOutOfRangeException.ThrowIfNegative(steps)); " +
            (negative is null ? "yours returned normally." : $"yours threw {negative.GetType().Name}: {negative.Message.Split('\n')[0]}"));
    }
}
