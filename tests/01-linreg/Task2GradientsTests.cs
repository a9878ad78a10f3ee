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
        (double expectedSlope, double expectedIntercept) = Oracle.Gradient(Oracle.Sample.Heights, Oracle.Sample.Weights, at);
        string? table = GradientCheck.Compare(["slope", "intercept"], [slope, intercept], [expectedSlope, expectedIntercept],
            "autograd (yours)", "(2/n)Σe·h, (2/n)Σe", relative: 1e-9, absolute: 1e-9);
        Assert.That(table, Is.Null, $"At {at}, your gradients differ from the closed form:\n{table}" +
            "If a sign is flipped or a factor of 2 is missing, check the loss (task 1); if they are twice the expected " +
            "values, backward() probably ran twice on the same parameters.");
    }

    [TestCaseSource(nameof(Points))]
    public void The_gradients_match_central_finite_differences(Line at)
    {
        (double slope, double intercept) = LearnerGradient(at);
        double[] numeric = GradientCheck.CentralDifferences(
            p => Oracle.MeanSquaredError(Oracle.Sample.Heights, Oracle.Sample.Weights, new Line(p[0], p[1])), [at.Slope, at.Intercept]);
        string? table = GradientCheck.Compare(["slope", "intercept"], [slope, intercept], numeric,
            "autograd (yours)", "finite differences", relative: 1e-6, absolute: 1e-4);
        Assert.That(table, Is.Null, $"Gradient check failed at {at}:\n{table}");
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
        TensorAssert.HasDtype(slope!, dtype, "The slope's gradient");
        TensorAssert.HasShape(intercept, [], "The intercept's gradient");
        TensorAssert.HasDtype(intercept!, dtype, "The intercept's gradient");
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
