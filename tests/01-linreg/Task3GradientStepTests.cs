using Katas.Testing.Coaching;
using Katas.Testing;
using NUnit.Framework;
using TorchSharp;
using static TorchSharp.torch;

using Katas.Testing.Oracles;

namespace Katas.Linreg.Tests;

/// <summary>Task 3: GradientStep.Take.</summary>
[KataTask(3)]
public sealed class Task3GradientStepTests : KataTest
{
    private static readonly LearningRates Rates = LearningRates.Article;

    /// <summary>The article's rates (the intercept's 1,000 times the slope's), and a pair in another ratio.</summary>
    private static readonly object[] RatePairs = [new object[] { 2e-5, 2e-2 }, new object[] { 3e-5, 5e-3 }];

    [TestCaseSource(nameof(RatePairs))]
    public void One_step_moves_each_parameter_against_its_gradient_by_its_own_learning_rate(double slopeRate, double interceptRate)
    {
        var rates = new LearningRates(slopeRate, interceptRate);
        Line start = Oracle.ArticleStart1;
        Line after = StepOnce(start, rates).After;
        Line expected = ExpectedStep(start, rates);
        string? table = GradientCheck.Compare(["slope", "intercept"], [after.Slope, after.Intercept], [expected.Slope, expected.Intercept],
            "after your step", "p − rate·∂MSE/∂p", relative: 1e-9, absolute: 1e-12);
        Assert.That(table, Is.Null, $"One step from {start} with learning rates {rates} should land on {expected}:\n{table}" +
            StepHint(start, after, expected));
    }

    [Test]
    public void The_step_returns_the_loss_before_the_update()
    {
        Line start = Oracle.ArticleStart2;
        double loss = StepOnce(start, Rates).Loss;
        double expected = Oracle.MeanSquaredError(Oracle.Sample.Heights, Oracle.Sample.Weights, start);
        Assert.That(loss, Is.EqualTo(expected).Within(1e-9).Percent,
            $"Take should return the loss of the line it started from ({expected}), but returned {loss}." +
            (Math.Abs(loss - Oracle.MeanSquaredError(Oracle.Sample.Heights, Oracle.Sample.Weights, ExpectedStep(start, Rates))) < 1e-6 * expected
                ? " That is the loss after the step: compute and remember it before updating."
                : Math.Abs(loss - expected) <= GradientCheck.Float32Precision * expected
                ? " That is the right loss rounded to float32's precision: read it with ToDouble(), not ToSingle() (or a float variable)." : ""));
    }

    [Test]
    public void The_gradients_are_reset_so_the_second_step_uses_only_its_own_gradient()
    {
        Line start = Oracle.ArticleStart1;
        (Tensor heights, Tensor weights) = Oracle.Sample.ToTensors(ScalarType.Float64);
        Tensor slope = torch.tensor(start.Slope, dtype: ScalarType.Float64, requires_grad: true);
        Tensor intercept = torch.tensor(start.Intercept, dtype: ScalarType.Float64, requires_grad: true);
        LearnerCode.Run(() =>
        {
            GradientStep.Take(heights, weights, slope, intercept, Rates);
            return GradientStep.Take(heights, weights, slope, intercept, Rates);
        }, "GradientStep.Take (twice)");

        Line afterFirst = ExpectedStep(start, Rates);
        Line expected = ExpectedStep(afterFirst, Rates);
        double usedSlopeGradient = (afterFirst.Slope - slope.ToDouble()) / Rates.Slope;
        double trueSlopeGradient = Oracle.Gradient(Oracle.Sample.Heights, Oracle.Sample.Weights, afterFirst).Slope;
        if (Math.Abs(usedSlopeGradient - trueSlopeGradient) > 1e-6 * Math.Abs(trueSlopeGradient))
        {
            double firstSlopeGradient = Oracle.Gradient(Oracle.Sample.Heights, Oracle.Sample.Weights, start).Slope;
            bool accumulated = Math.Abs(usedSlopeGradient - (trueSlopeGradient + firstSlopeGradient)) < 1e-6 * Math.Abs(usedSlopeGradient);
            Assert.Fail(accumulated
                ? Coach.GradientsAccumulated("slope", trueSlopeGradient, usedSlopeGradient).Message
                : $"After two steps the slope should be {expected.Slope}, but it is {slope.ToDouble()}.");
        }

        Assert.That(intercept.ToDouble(), Is.EqualTo(expected.Intercept).Within(1e-9).Percent,
            "After two steps the intercept is not where two separate steps would put it: reset the gradients after each update.");
    }

    [Test]
    public void The_parameters_change_in_place_and_stay_trainable()
    {
        Line start = Oracle.ArticleStart1;
        (Tensor heights, Tensor weights) = Oracle.Sample.ToTensors(ScalarType.Float64);
        Tensor slope = torch.tensor(start.Slope, dtype: ScalarType.Float64, requires_grad: true);
        Tensor intercept = torch.tensor(start.Intercept, dtype: ScalarType.Float64, requires_grad: true);
        LearnerCode.Run(() => GradientStep.Take(heights, weights, slope, intercept, Rates), "GradientStep.Take");

        if (slope.ToDouble() == start.Slope)
        {
            Assert.Fail(Coach.ParametersUnchanged("slope", start.Slope).Message);
        }

        if (intercept.ToDouble() == start.Intercept)
        {
            Assert.Fail(Coach.ParametersUnchanged("intercept", start.Intercept).Message);
        }

        Assert.Multiple(() =>
        {
            Assert.That(slope.requires_grad && intercept.requires_grad, Is.True,
                "After the step a parameter no longer requires grad: update the tensors in place (sub_) instead of replacing them.");
            Assert.That(slope.is_leaf && intercept.is_leaf, Is.True,
                "After the step a parameter is no longer a leaf of the graph: the update was recorded by autograd. " +
                "Wrap it in using (torch.no_grad()) { ... }.");
        });
    }

    [Test]
    public void After_the_step_each_gradient_exists_and_is_zero()
    {
        Line start = Oracle.ArticleStart2;
        (Tensor heights, Tensor weights) = Oracle.Sample.ToTensors(ScalarType.Float64);
        Tensor slope = torch.tensor(start.Slope, dtype: ScalarType.Float64, requires_grad: true);
        Tensor intercept = torch.tensor(start.Intercept, dtype: ScalarType.Float64, requires_grad: true);
        LearnerCode.Run(() => GradientStep.Take(heights, weights, slope, intercept, Rates), "GradientStep.Take");
        Assert.Multiple(() =>
        {
            ExpectZeroGradient(slope, "slope");
            ExpectZeroGradient(intercept, "intercept");
        });
    }

    private static void ExpectZeroGradient(Tensor parameter, string name)
    {
        using Tensor? gradient = parameter.grad;
        if (gradient is null || gradient.IsInvalid)
        {
            Assert.Fail($"Expected: after Take, {name}.grad exists and is 0 (backward() filled it, the update used it, zero_() reset it " +
                        $"for the next step). Got: {name}.grad is null, so backward() never ran. Likely cause: the step computed the gradient " +
                        "by its formula ((2/n)Σe·h, (2/n)Σe) instead of asking autograd: compute the loss with Loss.MeanSquaredError, call " +
                        $"loss.backward(), update with {name}.grad under torch.no_grad(), then {name}.grad.zero_().");
            return;
        }

        double value = gradient.ToDouble();
        Assert.That(value, Is.EqualTo(0.0),
            $"Expected: after Take, {name}.grad is 0, reset for the next step. Got: {name}.grad = {value:G9}. Likely cause: the gradient was " +
            $"not reset after the update; backward() ADDS to .grad, so call {name}.grad.zero_() inside the no_grad block after updating.");
    }

    internal static Line ExpectedStep(Line from, LearningRates rates)
    {
        (double slope, double intercept) = Oracle.Gradient(Oracle.Sample.Heights, Oracle.Sample.Weights, from);
        return new Line(from.Slope - rates.Slope * slope, from.Intercept - rates.Intercept * intercept);
    }

    private static (Line After, double Loss) StepOnce(Line start, LearningRates rates)
    {
        (Tensor heights, Tensor weights) = Oracle.Sample.ToTensors(ScalarType.Float64);
        Tensor slope = torch.tensor(start.Slope, dtype: ScalarType.Float64, requires_grad: true);
        Tensor intercept = torch.tensor(start.Intercept, dtype: ScalarType.Float64, requires_grad: true);
        double loss = LearnerCode.Run(() => GradientStep.Take(heights, weights, slope, intercept, rates), "GradientStep.Take");
        return (new Line(slope.ToDouble(), intercept.ToDouble()), loss);
    }

    private static string StepHint(Line start, Line after, Line expected)
    {
        double ratio = (after.Slope - start.Slope) / (expected.Slope - start.Slope);
        return ratio switch
        {
            _ when after == start => "\nNothing moved: update the tensors in place (sub_) under torch.no_grad(), with the gradients backward() left in " +
                                     ".grad, and only then zero them (zero_() before the update leaves a gradient of 0 to step with).",
            _ when Math.Abs(ratio + 1) < 1e-6 => "\nThe step went uphill: subtract the gradient, don't add it.",
            _ when Math.Abs(ratio - 2) < 1e-6 => "\nThe step was twice too long: is the update applied twice, or the rate multiplied in twice?",
            _ when Math.Abs(ratio - 1) < 1e-6 => "\nThe slope moved right and the intercept did not: the intercept moves by rates.Intercept times its own " +
                                                "gradient (the article's rates happen to be 1,000 apart; these are not).",
            _ => "\nEach parameter moves by minus its own learning rate times its gradient.",
        };
    }
}
