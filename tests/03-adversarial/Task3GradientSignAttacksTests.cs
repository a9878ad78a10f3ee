using System.Globalization;
using Katas.Testing;
using Katas.Testing.Coaching;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Adversarial.Tests;

/// <summary>Task 3: FGSM (one step of ε up the cross-entropy of the true class) and PGD (steps of α, projected onto the ε-ball).</summary>
[KataTask(3)]
public sealed class Task3GradientSignAttacksTests : KataTest
{
    private const double Epsilon = 0.03;

    [TestCase("Fgsm", -0.03, 0.01, 1, "ε")]
    [TestCase("Pgd", -0.03, 0.01, 5, "ε")]
    [TestCase("Pgd", 0.03, -0.01, 5, "step size")]
    [TestCase("Pgd", 0.03, 0.01, -1, "number of steps")]
    public void A_negative_argument_is_an_ArgumentOutOfRangeException(string attack, double epsilon, double stepSize, int steps, string which)
    {
        // A negative ε or step size steps DOWN the cross-entropy (the classifier becomes surer of the true class), a negative count
        // returns the start: either way a caller's mistake passes for an attack that failed.
        var model = TinyClassifier.Create();
        Tensor images = TinyClassifier.Images(2, seed: 37);
        Tensor labels = torch.tensor(new long[] { 0, 1 });
        string call = attack == "Fgsm" ? $"GradientSignAttacks.Fgsm (ε {epsilon})" : $"GradientSignAttacks.Pgd (ε {epsilon}, step size {stepSize}, {steps} steps)";
        Exception? thrown = LearnerCode.Run(() => Thrown.By(() =>
        {
            using Tensor adversarial = attack == "Fgsm"
                ? GradientSignAttacks.Fgsm(model, images, labels, epsilon)
                : GradientSignAttacks.Pgd(model, images, labels, epsilon, stepSize, steps);
        }), call);
        Assert.That(thrown, Is.InstanceOf<ArgumentOutOfRangeException>(),
            $"{call}: a negative {which} must throw an ArgumentOutOfRangeException (ArgumentOutOfRangeException.ThrowIfNegative), as the method's " +
            "documentation says. " + (thrown is null ? "Yours returned normally." : $"Yours threw {thrown.GetType().Name}: {thrown.Message.Split('\n')[0]}"));
    }

    [Test]
    public void Fgsm_moves_each_value_epsilon_up_the_sign_of_the_finite_difference_cross_entropy_gradient()
    {
        var model = TinyClassifier.Create(classes: 3);
        // Six pictures, every class the label of two: a loss with the right slope's sign almost everywhere (softmax applied twice)
        // still turns a sign somewhere among them.
        Tensor images = TinyClassifier.Images(6, seed: 31);
        long[] labels = [2, 0, 1, 1, 0, 2];
        Tensor adversarial = LearnerCode.Run(() => GradientSignAttacks.Fgsm(model, images, torch.tensor(labels), Epsilon), "GradientSignAttacks.Fgsm");
        TensorAssert.HasShape(adversarial, [6, 3, 4, 4], "FGSM's pictures");
        for (int n = 0; n < labels.Length; n++)
        {
            double[] x = TinyClassifier.Row(images, n);
            int label = (int)labels[n];
            double[] gradient = TinyClassifier.FiniteDifferences(model, x, logits => -Math.Log(TinyClassifier.Softmax(logits)[label]));
            double[] actual = TinyClassifier.Row(adversarial, n);
            int against = 0;
            var wrong = new List<string>();
            for (int i = 0; i < x.Length; i++)
            {
                double expected = Math.Clamp(x[i] + (Epsilon * Math.Sign(gradient[i])), 0, 1);
                if (Math.Abs(actual[i] - expected) > 1e-9 && Math.Abs(gradient[i]) > 1e-9)
                {
                    against += Math.Abs(actual[i] - Math.Clamp(x[i] - (Epsilon * Math.Sign(gradient[i])), 0, 1)) < 1e-9 ? 1 : 0;
                    wrong.Add(string.Create(CultureInfo.InvariantCulture, $"  {TinyClassifier.Pixel(i),-10} was {x[i]:0.0000}: expected {expected:0.0000}, yours {actual[i]:0.0000}"));
                }
            }

            int sloped = gradient.Count(g => Math.Abs(g) > 1e-9);
            double[] moves = [.. actual.Zip(x, (a, b) => Math.Abs(a - b)).Where(m => m > 1e-12)];
            string training = Frozen.TrainingModeCause(model);
            Assert.That(wrong, Is.Empty, $"Picture {n} (true class {label}): {wrong.Count} of {x.Length} values differ from x + ε·sign(∂CE/∂x), clipped, where CE is the cross-entropy of the label passed in (not of the model's own prediction). " +
                (training.Length > 0 ? training.TrimStart() + " (InputGradient.Freeze, task 1, does it.)"
                : moves.Length > 0 && moves.All(m => Math.Abs(m - (Epsilon / 255)) < 1e-12)
                    ? $"Every value moved by ε/255 = {Epsilon / 255:G3} instead of ε = {Epsilon}: ε is already in [0, 1] units (8/255 is passed as 0.0314), so don't divide it by 255 again."
                : against == wrong.Count && against >= 0.9 * sloped
                    ? "They all moved DOWN the cross-entropy of the true class: that makes the classifier surer of it. FGSM climbs it: +ε·sign(gradient)."
                    : against == wrong.Count
                        ? $"Only {against} of the {sloped} values with a slope moved against it, the others with it: your loss is not the cross-entropy of the logits. Likely causes: softmax applied before cross_entropy (it takes the logits and applies log-softmax itself), or nll_loss on the logits (it takes log-probabilities)."
                        : "") +
                $"\n{string.Join('\n', wrong.Take(12))}");
        }
    }

    [Test]
    public void Fgsm_stays_in_0_to_1_within_epsilon_and_leaves_the_callers_pictures_alone()
    {
        var model = TinyClassifier.Create();
        Tensor images = TinyClassifier.Images(4, seed: 32, low: 0, high: 1).mul(1.2).sub(0.1).clamp(0, 1);
        Tensor before = images.clone();
        Tensor adversarial = LearnerCode.Run(() => GradientSignAttacks.Fgsm(model, images, torch.tensor(new long[] { 0, 1, 0, 1 }), Epsilon), "GradientSignAttacks.Fgsm");
        AssertInBall(adversarial, images, Epsilon, "FGSM");
        Assert.That(TinyClassifier.Same(images, before), Is.True, "FGSM changed the caller's pictures: step a copy.");
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Pgd_never_leaves_its_epsilon_ball_nor_0_to_1(bool randomStart)
    {
        var model = TinyClassifier.Create();
        Tensor images = TinyClassifier.Images(4, seed: 33, low: 0, high: 1);
        Tensor before = images.clone();
        using var generator = new Generator(5);
        // Ten steps of 2ε/3 would wander up to 6.7ε away without the projection.
        Tensor adversarial = LearnerCode.Run(() => GradientSignAttacks.Pgd(model, images, torch.tensor(new long[] { 0, 1, 1, 0 }), Epsilon, Epsilon * 2 / 3, 10,
            randomStart ? generator : null), "GradientSignAttacks.Pgd");
        AssertInBall(adversarial, images, Epsilon, "PGD" + (randomStart ? " with a random start" : ""));
        Assert.That(TinyClassifier.Same(images, before), Is.True, "PGD changed the caller's pictures: step a copy.");
    }

    [Test]
    public void Pgd_with_one_step_of_epsilon_from_the_original_is_fgsm()
    {
        var model = TinyClassifier.Create(classes: 3);
        Tensor images = TinyClassifier.Images(3, seed: 34);
        Tensor labels = torch.tensor(new long[] { 1, 2, 0 });
        Tensor fgsm = LearnerCode.Run(() => GradientSignAttacks.Fgsm(model, images, labels, Epsilon), "GradientSignAttacks.Fgsm");
        Tensor pgd = LearnerCode.Run(() => GradientSignAttacks.Pgd(model, images, labels, Epsilon, Epsilon, 1), "GradientSignAttacks.Pgd");
        double difference = (fgsm - pgd).abs().max().ToDouble();
        Assert.That(difference, Is.LessThanOrEqualTo(1e-12),
            $"One PGD step of α = ε from the original (no random start) is FGSM, but they differ by up to {difference:G3}. Both climb the cross-entropy of the true class by α·sign(gradient).");
    }

    [Test]
    public void Pgd_raises_the_cross_entropy_of_the_true_class_and_its_random_start_is_repeatable()
    {
        var model = TinyClassifier.Create(classes: 3);
        Tensor images = TinyClassifier.Images(3, seed: 35);
        long[] labels = [0, 1, 2];
        using var first = new Generator(9);
        using var second = new Generator(9);
        Tensor a = LearnerCode.Run(() => GradientSignAttacks.Pgd(model, images, torch.tensor(labels), Epsilon, 0.01, 5, first), "GradientSignAttacks.Pgd");
        Tensor b = LearnerCode.Run(() => GradientSignAttacks.Pgd(model, images, torch.tensor(labels), Epsilon, 0.01, 5, second), "GradientSignAttacks.Pgd");
        Assert.That(TinyClassifier.Same(a, b), Is.True, "Two PGD runs with generators of the same seed gave different pictures: draw the random start from the generator you are given.");
        double[][] clean = TinyClassifier.Logits(model, images);
        double[][] attacked = TinyClassifier.Logits(model, a);
        for (int n = 0; n < 3; n++)
        {
            double before = -Math.Log(TinyClassifier.Softmax(clean[n])[labels[n]]);
            double after = -Math.Log(TinyClassifier.Softmax(attacked[n])[labels[n]]);
            Assert.That(after, Is.GreaterThan(before), string.Create(CultureInfo.InvariantCulture,
                $"Picture {n}: PGD should push it away from its true class {labels[n]}, raising the cross-entropy; it went from {before:0.0000} to {after:0.0000}."));
        }
    }

    [Test]
    public void Zero_pgd_steps_return_the_random_start_inside_the_epsilon_ball_and_0_to_1()
    {
        // Values at 0 and 1 and next to them: a start drawn in [−ε, ε] around them leaves [0, 1] unless it is clipped. With no steps
        // there is no projection afterwards to hide it.
        var model = TinyClassifier.Create();
        Tensor images = TinyClassifier.Images(4, seed: 36, low: -0.2, high: 1.2).clamp(0, 1);
        Tensor labels = torch.tensor(new long[] { 0, 1, 1, 0 });
        using var generator = new Generator(6);
        Tensor start = LearnerCode.Run(() => GradientSignAttacks.Pgd(model, images, labels, Epsilon, 0.01, 0, generator), "GradientSignAttacks.Pgd (0 steps, random start)");
        Tensor plain = LearnerCode.Run(() => GradientSignAttacks.Pgd(model, images, labels, Epsilon, 0.01, 0), "GradientSignAttacks.Pgd (0 steps, no random start)");
        TensorAssert.HasShape(start, [4, 3, 4, 4], "PGD's pictures");
        Assert.That(TinyClassifier.Same(plain, images), Is.True,
            $"PGD with 0 steps and no random start should return the original pictures; yours moved them by up to {(plain - images).abs().max().ToDouble():G3}. " +
            "Take exactly `steps` steps (for (step = 0; step < steps; step++)).");
        double moved = (start - images).abs().max().ToDouble();
        Assert.That(moved, Is.GreaterThan(Epsilon / 2), string.Create(CultureInfo.InvariantCulture,
            $"With a random start and 0 steps PGD returns the random start: each value moved by a uniform draw in [−ε, ε] (here ε = {Epsilon}), so " +
            $"some by more than ε/2. Yours moved them by at most {moved:G3}. ") +
            (moved == 0 ? "Likely cause: the random start is never drawn: add noise uniform in [−ε, ε] (from the generator) before the first step." : ""));
        // Values at least ε from 0 and 1 are not clipped, so their moves are the draws themselves: about a quarter fall below −ε/2
        // and a quarter above +ε/2 (of some hundred values, never none of either).
        using Tensor free = images.ge(Epsilon).logical_and(images.le(1 - Epsilon));
        using Tensor moves = (start - images).masked_select(free);
        double down = moves.min().ToDouble(), up = moves.max().ToDouble();
        Assert.That(down < -Epsilon / 2 && up > Epsilon / 2, Is.True, string.Create(CultureInfo.InvariantCulture,
            $"PGD's random start moves each value by a draw uniform in [−ε, ε] (ε = {Epsilon}), so some values go down by more than ε/2 and some up by more than ε/2; away from 0 and 1 yours moved them from {down:G3} to {up:G3}. ") +
            "Likely cause: the noise is drawn from one side only (uniform in [0, ε], or rand instead of a draw centred on 0): draw it uniform in [−ε, ε].");
        double low = start.min().ToDouble();
        double high = start.max().ToDouble();
        string outside = string.Create(CultureInfo.InvariantCulture, $"PGD's random start spans {low:G4} to {high:G4}: ") +
                         "clip it to [0, 1] as soon as it is drawn (x.add_(noise).clamp_(0, 1)). A later step's projection would hide this, " +
                         "but with 0 steps, or an attack stopped early, the start is the answer.";
        Assert.That(low >= 0 && high <= 1, Is.True, outside);
        AssertInBall(start, images, Epsilon, "PGD's random start");
    }

    [Test]
    public void Each_pgd_step_moves_every_value_by_the_step_size()
    {
        // One step of α = ε/4 from the original (no random start) stays well inside the ε-ball, so no projection shapes it: it is
        // x + α·sign(∂CE/∂x), clipped.
        const double alpha = Epsilon / 4;
        var model = TinyClassifier.Create(classes: 3);
        Tensor images = TinyClassifier.Images(2, seed: 37);
        Tensor labels = torch.tensor(new long[] { 1, 2 });
        Tensor before = images.clone();
        Tensor adversarial = LearnerCode.Run(() => GradientSignAttacks.Pgd(model, images, labels, Epsilon, alpha, 1), "GradientSignAttacks.Pgd");
        // Measured against pictures PGD itself changed, nothing would seem to move: that cause first.
        Assert.That(TinyClassifier.Same(images, before), Is.True,
            "PGD changed the caller's pictures: they now hold the attacked values. Likely cause: x is the caller's tensor (x = images, or images.detach(), " +
            "which shares its values) and the steps change it in place; step a copy (images.detach().clone()).");
        double[] moves = (adversarial - before).abs().to(ScalarType.Float64).data<double>().ToArray();
        double[] off = moves.Where(m => Math.Abs(m - alpha) > 1e-9).ToArray();
        Assert.That(off, Is.Empty, string.Create(CultureInfo.InvariantCulture,
            $"One PGD step of α = {alpha} should move every value by exactly α (far from 0 and 1, inside the ε-ball); {off.Length} of {moves.Length} " +
            $"moved by something else, from {moves.Min():G3} to {moves.Max():G3}. ") +
            (off.All(m => Math.Abs(m - Epsilon) < 1e-9) ? "Likely cause: every step is ε long; ε is the radius of the ball, each step moves by stepSize (α)." : ""));
    }

    [Test]
    public void Each_pgd_step_follows_the_gradient_at_the_picture_it_has_reached()
    {
        // The bowl's class 1 wants every value at 0.5; PGD on label 0 climbs the cross-entropy of class 0, toward 0.5. Steps of 0.1 from
        // values 0.05 away cross 0.5, so the second step goes back; values 0.15 away cross on the second step. ε = 0.3: no projection.
        (double[] x0, double[] yours, double[] byHand, int[] wrong) = TwoPgdStepsOnTheBowl([-0.15, -0.05, 0.05, 0.15], epsilon: 0.3);
        Assert.That(wrong, Is.Empty, string.Create(CultureInfo.InvariantCulture,
            $"Each PGD step should follow the sign of the gradient at the picture the previous step reached. On a classifier whose class 1 wants every " +
            $"value at 0.5, a value that started at 0.55 is at 0.45 after step 1 and should be back at 0.55 after step 2; {wrong.Length} of {x0.Length} " +
            $"values are not where two such steps put them (e.g. {x0[wrong.FirstOrDefault()]:0.00} ended at {yours[wrong.FirstOrDefault()]:0.00}, " +
            $"expected {byHand[wrong.FirstOrDefault()]:0.00}). ") +
            (Same(yours, BowlSteps(x0, 0.1, 1, 0.3, projectEveryStep: true, gradientAtStart: false))
                ? "Your pictures are where ONE step puts them (on this bowl three steps end there too), not two: the loop runs one step too few or " +
                  "too many; for (int step = 0; step < steps; step++) takes exactly steps steps."
                : Same(yours, BowlSteps(x0, 0.1, 2, 0.3, projectEveryStep: true, gradientAtStart: true))
                ? "Likely cause: every step takes the gradient at the original pictures; take it at x, the picture after the previous step."
                : "Likely cause: the gradient is not computed again at the current picture in every step."));
    }

    [Test]
    public void Pgd_projects_onto_its_epsilon_ball_after_every_step()
    {
        // ε = 0.04 and steps of 0.1 toward 0.5 from values 0.05 away: step 1 crosses 0.5 and is projected back to 0.01 short of it, so
        // step 2's gradient still points the same way and the projection holds the value there. Projected only at the end, step 2 starts
        // from the other side of 0.5, comes back, and ends where it began.
        (double[] x0, double[] yours, double[] byHand, int[] wrong) = TwoPgdStepsOnTheBowl([-0.05, 0.05], epsilon: 0.04);
        Assert.That(wrong, Is.Empty, string.Create(CultureInfo.InvariantCulture,
            $"PGD projects back onto the ε-ball (and [0, 1]) after every step, so each gradient is taken inside the ball. With ε = 0.04 and steps of 0.1 " +
            $"toward 0.5, a value at 0.55 goes to 0.45, is projected to 0.51, and stays at 0.51; {wrong.Length} of {x0.Length} values did not " +
            $"(e.g. {x0[wrong.FirstOrDefault()]:0.00} ended at {yours[wrong.FirstOrDefault()]:0.00}). ") +
            (Same(yours, BowlSteps(x0, 0.1, 2, 0.04, projectEveryStep: false, gradientAtStart: false))
                ? "Likely cause: the projection comes once, after the loop: project inside the loop, after each step."
                : "Likely cause: check the order in each step: the gradient at x, the step along its sign, then the projection."));
    }

    /// <summary>
    /// Two PGD steps of 0.1 on label 0 of the bowl, from one picture whose values sit at 0.5 + each offset in turn: the start, the
    /// learner's end, the end by hand, and the values where the two differ.
    /// </summary>
    private static (double[] Start, double[] Yours, double[] ByHand, int[] Wrong) TwoPgdStepsOnTheBowl(double[] offsets, double epsilon)
    {
        double[] x0 = Enumerable.Range(0, TinyClassifier.Values).Select(i => BowlClassifier.Centre + offsets[i % offsets.Length]).ToArray();
        Tensor images = torch.tensor(x0, [1, TinyClassifier.Channels, TinyClassifier.Side, TinyClassifier.Side]);
        Tensor adversarial = LearnerCode.Run(() => GradientSignAttacks.Pgd(new BowlClassifier(), images, torch.tensor(new long[] { 0 }), epsilon, 0.1, 2),
            "GradientSignAttacks.Pgd (on a bowl)");
        double[] yours = TinyClassifier.Row(adversarial, 0);
        double[] byHand = BowlSteps(x0, stepSize: 0.1, steps: 2, epsilon, projectEveryStep: true, gradientAtStart: false);
        return (x0, yours, byHand, [.. Enumerable.Range(0, x0.Length).Where(i => Math.Abs(yours[i] - byHand[i]) > 1e-9)]);
    }

    /// <summary>PGD on label 0 of the bowl by hand: each value steps toward 0.5 (against the sign of x − 0.5), projected onto its ball.</summary>
    private static double[] BowlSteps(double[] x0, double stepSize, int steps, double epsilon, bool projectEveryStep, bool gradientAtStart)
    {
        double[] x = [.. x0];
        for (int step = 0; step < steps; step++)
        {
            for (int i = 0; i < x.Length; i++)
            {
                double at = gradientAtStart ? x0[i] : x[i];
                x[i] -= stepSize * Math.Sign(at - BowlClassifier.Centre);
                if (projectEveryStep)
                {
                    x[i] = Math.Clamp(x[i], Math.Max(0, x0[i] - epsilon), Math.Min(1, x0[i] + epsilon));
                }
            }
        }

        return [.. x.Select((v, i) => Math.Clamp(v, Math.Max(0, x0[i] - epsilon), Math.Min(1, x0[i] + epsilon)))];
    }

    private static bool Same(double[] a, double[] b) => a.Zip(b).All(pair => Math.Abs(pair.First - pair.Second) < 1e-9);

    [Test]
    public void Pgd_does_not_leak_tensors()
    {
        var model = TinyClassifier.Create();
        Tensor images = TinyClassifier.Images(2, seed: 38);
        Tensor labels = torch.tensor(new long[] { 0, 1 });
        LeakCheck.AssertNoLeak(steps => GradientSignAttacks.Pgd(model, images, labels, Epsilon, 0.01, steps).Dispose(), "GradientSignAttacks.Pgd");
    }

    private static void AssertInBall(Tensor adversarial, Tensor original, double epsilon, string what)
    {
        double distance = (adversarial - original).abs().max().ToDouble();
        double low = adversarial.min().ToDouble();
        double high = adversarial.max().ToDouble();
        Assert.That(distance, Is.LessThanOrEqualTo(epsilon + 1e-12), string.Create(CultureInfo.InvariantCulture,
            $"{what} moved a value by {distance:G4}, farther than ε = {epsilon}: after each step, project back onto the ε-ball around the ORIGINAL ") +
            "(clamp every value between original − ε and original + ε), then onto [0, 1].");
        string message = string.Create(CultureInfo.InvariantCulture, $"{what}'s values span {low:G4} to {high:G4}: clip to [0, 1].");
        Assert.That(low >= 0 && high <= 1, Is.True, message);
    }
}
