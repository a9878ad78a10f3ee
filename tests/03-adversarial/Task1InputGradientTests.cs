using Katas.Testing;
using Katas.Testing.Coaching;
using Katas.Testing.Oracles;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Adversarial.Tests;

/// <summary>Task 1: InputGradient, the gradient of a class score or of the article's probability gap with respect to the picture.</summary>
[KataTask(1)]
public sealed class Task1InputGradientTests : KataTest
{
    [TestCase(0)]
    [TestCase(1)]
    public void The_class_score_gradient_matches_central_finite_differences_in_eval_mode(int cls)
    {
        var model = TinyClassifier.Create();
        Tensor images = TinyClassifier.Images(3, seed: 11);
        Tensor gradient = LearnerCode.Run(() => InputGradient.Of(model, images, logits => InputGradient.ClassScore(logits, cls)), "InputGradient.Of");
        string cause = Frozen.TrainingModeCause(model);
        TensorAssert.HasShape(gradient, [3, 3, 4, 4], "∂score/∂images");
        for (int i = 0; i < 3; i++)
        {
            double[] numeric = TinyClassifier.FiniteDifferences(model, TinyClassifier.Row(images, i), logits => logits[cls]);
            Compare(TinyClassifier.Row(gradient, i), numeric, $"∂(logit of class {cls})/∂(picture {i})", cause, batch: 3, "ClassScore");
        }
    }

    [TestCase(0)]
    [TestCase(1)]
    public void The_probability_gap_gradient_matches_central_finite_differences_in_eval_mode(int target)
    {
        var model = TinyClassifier.Create();
        // Three pictures: a gap averaged over the batch (a third of the gradient) then differs from one that forgets the target is
        // inside Σ p (half of it).
        Tensor images = TinyClassifier.Images(3, seed: 12);
        Tensor gradient = LearnerCode.Run(() => InputGradient.Of(model, images, logits => InputGradient.ProbabilityGap(logits, target)), "InputGradient.Of");
        string cause = Frozen.TrainingModeCause(model);
        TensorAssert.HasShape(gradient, [3, 3, 4, 4], "∂gap/∂images");
        for (int i = 0; i < 3; i++)
        {
            double[] numeric = TinyClassifier.FiniteDifferences(model, TinyClassifier.Row(images, i), logits =>
            {
                double[] p = TinyClassifier.Softmax(logits);
                return p.Where((_, j) => j != target).Sum() - p[target];
            });
            Compare(TinyClassifier.Row(gradient, i), numeric, $"∂(p_other − p_{target})/∂(picture {i})", cause, batch: 3, "ProbabilityGap");
        }
    }

    [Test]
    public void The_probability_gap_is_the_other_classes_probability_minus_the_targets_summed_over_the_batch([Values(2, 3)] int classes)
    {
        Tensor logits = torch.tensor(new[] { 1.5, -0.5, 0.25, -2.0, 0.75, 3.0 }[..(2 * classes)], [2, classes]);
        double expected = 0;
        double scoreOfClass1 = 0;
        foreach (double[] row in new[] { TinyClassifier.Row(logits, 0), TinyClassifier.Row(logits, 1) })
        {
            double[] p = TinyClassifier.Softmax(row);
            expected += p.Where((_, j) => j != 1).Sum() - p[1];
            scoreOfClass1 += row[1];
        }

        Tensor gap = LearnerCode.Run(() => InputGradient.ProbabilityGap(logits, 1), "InputGradient.ProbabilityGap");
        TensorAssert.HasShape(gap, [], "The probability gap");
        // Σ_(j≠t) p_j = 1 − p_t per picture: a gap that forgets the target is inside Σ p gives 1 − p_t instead of 1 − 2p_t.
        double forgotten = (expected + 2) / 2;
        Assert.That(gap.ToDouble(), Is.EqualTo(expected).Within(1e-12),
            $"With {classes} classes, Σ over the batch of (Σ_(j≠target) p_j − p_target) toward class 1 is {expected:G6}; yours is {gap.ToDouble():G6}. " +
            (Math.Abs(gap.ToDouble() - forgotten) < 1e-9
                ? "Likely cause: the target was subtracted once from the sum over ALL classes, which still holds it: Σ_all p − p_t = 1 − p_t. " +
                  "The other classes' probability is Σ_all p − p_t, and the gap subtracts p_t once more."
                : Math.Abs(gap.ToDouble() - (expected / 2)) < 1e-9
                    ? "Likely cause: the gap was averaged over the batch (mean()); the task sums it over the batch."
                    : "Take the softmax of the logits first (the article's loss is on probabilities), then subtract the target's probability from the others'."));
        Tensor score = LearnerCode.Run(() => InputGradient.ClassScore(logits, 1), "InputGradient.ClassScore");
        Assert.That(score.ToDouble(), Is.EqualTo(scoreOfClass1).Within(1e-12),
            $"The score of class 1 summed over the batch is {scoreOfClass1:G6} (the logits of column 1); yours is {score.ToDouble():G6}.");
    }

    [Test]
    public void A_class_that_the_model_does_not_have_is_an_ArgumentOutOfRangeException_naming_it()
    {
        Tensor logits = torch.zeros(2, 2, dtype: ScalarType.Float64);
        Exception? gap = LearnerCode.Run(() => Thrown.By(() => InputGradient.ProbabilityGap(logits, 2)), "InputGradient.ProbabilityGap(logits [2, 2], 2)");
        Exception? score = LearnerCode.Run(() => Thrown.By(() => InputGradient.ClassScore(logits, -1)), "InputGradient.ClassScore(logits [2, 2], -1)");
        Assert.That(gap is ArgumentOutOfRangeException && gap.Message.Contains('2', StringComparison.Ordinal), Is.True,
            "ProbabilityGap(logits [2, 2], target 2): there is no class 2 (classes are 0 and 1); throw an ArgumentOutOfRangeException naming it. " +
            (gap is null ? "Yours returned normally." : $"Yours threw {gap.GetType().Name}: {gap.Message.Split('\n')[0]}") +
            (gap is not null and not ArgumentOutOfRangeException ? " Likely cause: the check lets class 2 through (cls > classes instead of cls >= classes), " +
                                                                   "so libtorch's indexing fails instead." : ""));
        Assert.That(score is ArgumentOutOfRangeException && score.Message.Contains("-1", StringComparison.Ordinal), Is.True,
            "ClassScore(logits [2, 2], class -1): throw an ArgumentOutOfRangeException naming the class. " +
            (score is null ? "Yours returned normally (a negative index counts from the end in libtorch)." : $"Yours threw {score.GetType().Name}: {score.Message.Split('\n')[0]}"));
    }


    [Test]
    public void Two_calls_give_the_same_gradient_and_a_pictures_gradient_does_not_depend_on_its_batch()
    {
        var model = TinyClassifier.Create();
        Tensor images = TinyClassifier.Images(6, seed: 13);
        Tensor first = LearnerCode.Run(() => InputGradient.Of(model, images, logits => InputGradient.ProbabilityGap(logits, 1)), "InputGradient.Of");
        Tensor second = LearnerCode.Run(() => InputGradient.Of(model, images, logits => InputGradient.ProbabilityGap(logits, 1)), "InputGradient.Of");
        Tensor alone = LearnerCode.Run(() => InputGradient.Of(model, images[..1], logits => InputGradient.ProbabilityGap(logits, 1)), "InputGradient.Of");
        string cause = Frozen.TrainingModeCause(model);
        double repeat = (first - second).abs().max().ToDouble();
        double batch = (first[..1] - alone).abs().max().ToDouble();
        Assert.That(repeat, Is.LessThanOrEqualTo(1e-12),
            $"Two calls with the same model and pictures gave gradients that differ by up to {repeat:G3}: an attack must be repeatable.{cause}");
        Assert.That(batch, Is.LessThanOrEqualTo(1e-12),
            $"Picture 0's gradient alone differs by up to {batch:G3} from its gradient in a batch of 6: pictures must not influence each other.{cause}");
    }

    [Test]
    public void The_model_is_left_frozen_with_no_gradient_on_its_parameters()
    {
        var model = TinyClassifier.Create();
        Tensor images = TinyClassifier.Images(2, seed: 14);
        LearnerCode.Run(() => InputGradient.Of(model, images, logits => InputGradient.ClassScore(logits, 0)), "InputGradient.Of");
        LearnerCode.Run(() => InputGradient.Of(model, images, logits => InputGradient.ClassScore(logits, 1)), "InputGradient.Of");
        string? withGradient = Frozen.ParametersWithGradient(model);
        Assert.That(withGradient, Is.Null,
            $"After two input gradients the model's parameters {withGradient} hold gradients: backward() accumulated into them. An attack " +
            "changes the picture, never the weights: freeze them first (requires_grad_(false) on every parameter) so nothing lands on the model.");
        string[] trainable = model.named_parameters().Where(p => p.parameter.requires_grad).Select(p => p.name).ToArray();
        Assert.That(trainable, Is.Empty, $"Parameters still require grad after the call: {string.Join(", ", trainable)}. Freeze the victim: requires_grad_(false).");
        Assert.That(Frozen.TrainingModeCause(model), Is.Empty, "The model must be in eval mode after the call." + Frozen.TrainingModeCause(model));
    }

    [Test]
    public void The_callers_pictures_are_left_alone_and_the_gradient_has_their_shape_and_dtype([Values(ScalarType.Float32, ScalarType.Float64)] ScalarType dtype)
    {
        var model = TinyClassifier.Create();
        if (dtype == ScalarType.Float32)
        {
            model.to(ScalarType.Float32);
        }

        Tensor images = TinyClassifier.Images(2, seed: 15, dtype: dtype);
        Tensor before = images.clone();
        Tensor gradient = LearnerCode.Run(() => InputGradient.Of(model, images, logits => InputGradient.ProbabilityGap(logits, 0)), "InputGradient.Of");
        TensorAssert.HasShape(gradient, [2, 3, 4, 4], "∂gap/∂images");
        TensorAssert.HasDtype(gradient, dtype, "∂gap/∂images");
        Assert.That(images.requires_grad, Is.False,
            "After the call the caller's pictures require grad: you switched requires_grad on for the caller's tensor. Differentiate with respect " +
            "to a copy: images.detach().clone().requires_grad_().");
        Assert.That(TinyClassifier.Same(images, before), Is.True, "The call changed the caller's pictures: work on a copy (images.detach().clone()).");
        Assert.That(gradient.requires_grad, Is.False, "The returned gradient still requires grad (it is part of a graph): return x.grad, detached.");
    }

    /// <summary>
    /// Compares one picture's gradient with finite differences; when they differ by one factor throughout, names the usual
    /// reason for that factor (<paramref name="loss"/> is the task-1 function the gradient came through).
    /// </summary>
    private static void Compare(double[] actual, double[] numeric, string what, string cause, int batch, string loss)
    {
        string[] names = Enumerable.Range(0, actual.Length).Select(TinyClassifier.Pixel).ToArray();
        string? table = GradientCheck.Compare(names, actual, numeric, "yours", "finite differences", relative: 1e-5, absolute: 1e-8);
        if (table is null)
        {
            return;
        }

        // The least-squares factor between the two, and whether one factor explains every value.
        double factor = actual.Zip(numeric, (a, n) => a * n).Sum() / numeric.Sum(n => n * n);
        bool scaled = actual.Zip(numeric, (a, n) => Math.Abs(a - (factor * n))).Max() <= 1e-6 * (1 + numeric.Max(Math.Abs));
        string ratio = !scaled || cause.Length > 0 ? "" : true switch
        {
            _ when Math.Abs(factor - (1.0 / batch)) < 1e-6 =>
                $" Likely cause: yours is 1/{batch} of it, for a batch of {batch}: {loss} averaged over the batch (mean()); sum it over the batch, " +
                "so each picture's gradient is that of its own loss whatever the batch size.",
            _ when Math.Abs(factor - 0.5) < 1e-6 && loss == "ProbabilityGap" =>
                " Likely cause: yours is half of it: the gap counts the target once instead of twice. Σ p over ALL classes still holds p_target, " +
                "so the other classes' probability is Σ p − p_target, and the gap subtracts p_target again: Σ p − 2·p_target.",
            _ when Math.Abs(factor + 1) < 1e-6 => " Likely cause: yours has the opposite sign throughout: the loss is negated.",
            _ => $" Yours is {factor:G4} times the finite differences throughout.",
        };
        Assert.Fail($"{what} differs from central finite differences of the model in eval mode.{cause}{ratio}\n{table}");
    }
}
