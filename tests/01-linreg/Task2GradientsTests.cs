using Katas.Testing.Coaching;
using Katas.Testing;
using NUnit.Framework;
using TorchSharp;
using static TorchSharp.torch;

using Katas.Testing.Oracles;

namespace Katas.Linreg.Tests;

/// <summary>Task 2: Gradients.OfMeanSquaredError.</summary>
[KataTask(2)]
public sealed class Task2GradientsTests : KataTest
{
    private static readonly Line[] Points =
    [
        Oracle.ArticleStart1,
        Oracle.ArticleStart2,
        new(6.041117, -230.530985),
        new(-3.5, 410.0),
    ];

    [TestCaseSource(nameof(Points))]
    public void The_gradients_match_the_closed_form(Line at)
    {
        (double slope, double intercept) = LearnerGradient(at);
        string? failure = GradientDiagnosis.Check(at, slope, intercept);
        Assert.That(failure, Is.Null, failure);
    }

    [TestCaseSource(nameof(Points))]
    public void The_gradients_match_central_finite_differences(Line at)
    {
        (double slope, double intercept) = LearnerGradient(at);
        double[] numeric = GradientCheck.CentralDifferences(
            p => Oracle.MeanSquaredError(Oracle.Sample.Heights, Oracle.Sample.Weights, new Line(p[0], p[1])), [at.Slope, at.Intercept]);
        string? table = GradientCheck.Compare(["slope", "intercept"], [slope, intercept], numeric,
            "autograd (yours)", "finite differences", relative: 1e-6, absolute: 1e-4);
        Assert.That(table, Is.Null, $"Gradient check failed at {at}:\n{table}\n{GradientDiagnosis.Check(at, slope, intercept)}");
    }

    [Test]
    public void The_gradients_are_scalars_of_the_datas_dtype([Values(ScalarType.Float32, ScalarType.Float64)] ScalarType dtype)
    {
        (Tensor heights, Tensor weights) = Oracle.Sample.ToTensors(dtype);
        (Tensor? slope, Tensor? intercept) = LearnerCode.Run(() => Gradients.OfMeanSquaredError(heights, weights, Oracle.ArticleStart1),
            "Gradients.OfMeanSquaredError");
        FailOnMissing(slope, "slope");
        FailOnMissing(intercept, "intercept");
        TensorAssert.HasShape(slope, [], "The slope's gradient");
        TensorAssert.HasDtype(slope!, dtype, "The slope's gradient", Causes.ParametersFollowTheData);
        TensorAssert.HasShape(intercept, [], "The intercept's gradient");
        TensorAssert.HasDtype(intercept!, dtype, "The intercept's gradient", Causes.ParametersFollowTheData);
    }

    [Test]
    public void The_gradients_come_from_autograd_which_also_reaches_the_data()
    {
        // backward() differentiates the loss with respect to EVERY tensor in it that requires grad. The test lets the
        // heights require grad too: a gradient from autograd leaves ∂MSE/∂hᵢ = (2/n)·a·eᵢ in heights.grad, while a
        // gradient typed in by its formula never calls backward() and leaves heights.grad empty.
        Line at = Oracle.ArticleStart1;
        (Tensor heights, Tensor weights) = Oracle.Sample.ToTensors(ScalarType.Float64);
        heights.requires_grad_();
        (Tensor? slope, Tensor? intercept) = LearnerCode.Run(() => Gradients.OfMeanSquaredError(heights, weights, at),
            "Gradients.OfMeanSquaredError (with heights that require grad)");
        FailOnMissing(slope, "slope");
        FailOnMissing(intercept, "intercept");
        // What the learner asked for first: a wrong slope or intercept gradient is reported as such, not through heights.grad.
        string? wrong = GradientDiagnosis.Check(at, slope!.ToDouble(), intercept!.ToDouble());
        Assert.That(wrong, Is.Null, wrong);
        using Tensor? reached = heights.grad;
        if (reached is null || reached.IsInvalid)
        {
            Assert.Fail("Expected: after Gradients.OfMeanSquaredError, heights.grad holds ∂MSE/∂hᵢ = (2/n)·slope·eᵢ, because backward() " +
                        "differentiates the loss with respect to every tensor that requires grad (this test made the heights require grad). " +
                        "Got: heights.grad is null, so backward() never ran through your loss. Likely cause: the gradients were computed by " +
                        "their formula ((2/n)Σe·h, (2/n)Σe) instead of by autograd, or the data were detached (or copied) on their way into " +
                        "the loss, which cuts them out of the graph: pass heights and weights to Loss.MeanSquaredError as they are given. " +
                        "The kata is about autograd: make the two parameters " +
                        "tensors that require grad, compute the loss with Loss.MeanSquaredError, call loss.backward() and return their .grad " +
                        "(torch.autograd.grad also leaves .grad empty: use backward()).");
        }

        IReadOnlyList<double> h = Oracle.Sample.Heights;
        IReadOnlyList<double> w = Oracle.Sample.Weights;
        double[] expected = h.Select((height, i) => 2.0 / h.Count * at.Slope * (at.At(height) - w[i])).ToArray();
        TensorAssert.Close(reached, expected, [h.Count],
            "heights.grad after your backward() (expected (2/n)·slope·eᵢ; a different value means the loss that was differentiated " +
            "is not the mean squared error at the given line)", rtol: 1e-9, atol: 1e-12);
    }

    private static (double Slope, double Intercept) LearnerGradient(Line at)
    {
        (Tensor heights, Tensor weights) = Oracle.Sample.ToTensors(ScalarType.Float64);
        (Tensor? slope, Tensor? intercept) = LearnerCode.Run(() => Gradients.OfMeanSquaredError(heights, weights, at),
            "Gradients.OfMeanSquaredError");
        FailOnMissing(slope, "slope");
        FailOnMissing(intercept, "intercept");
        TensorAssert.HasShape(slope, [], "The slope's gradient");
        TensorAssert.HasShape(intercept, [], "The intercept's gradient");
        return (slope!.ToDouble(), intercept!.ToDouble());
    }

    private static void FailOnMissing(Tensor? gradient, string parameter)
    {
        Diagnosis? diagnosis = Coach.ExamineGradient(gradient, parameter);
        if (diagnosis?.Symptom == Symptom.NullGradient)
        {
            Assert.Fail(diagnosis.Message);
        }
    }
}
