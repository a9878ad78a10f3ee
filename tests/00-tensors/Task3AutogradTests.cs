using Katas.Testing;
using Katas.Testing.Coaching;
using Katas.Testing.Oracles;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Tensors.Tests;

/// <summary>Task 3: Autograd, gradients with requires_grad, backward() and .grad.</summary>
[KataTask(3)]
public sealed class Task3AutogradTests : KataTest
{
    [TestCase(0.0)]
    [TestCase(1.5)]
    [TestCase(-4.0)]
    public void The_gradient_of_2x_plus_3_is_2(double at)
    {
        (Tensor variable, Tensor? gradient) = LearnerCode.Run(() => Autograd.OfAffine(at), "Autograd.OfAffine");
        FailOnMissingGradient(variable, gradient);
        TensorAssert.HasShape(gradient, [], "dy/dx");
        double actual = gradient!.ToDouble();
        Assert.That(actual, Is.EqualTo(2.0).Within(1e-6),
            $"The derivative of y = 2x + 3 is 2 everywhere; at x = {at} yours is {actual}. " +
            (Math.Abs(actual - 4) < 1e-6 ? "Likely cause: backward() ran twice and .grad accumulated both runs." : "Check that y is 2 * x + 3 computed from the tensor x."));
    }

    [Test]
    public void The_variable_is_a_float32_scalar_leaf_that_requires_grad()
    {
        (Tensor variable, Tensor? gradient) = LearnerCode.Run(() => Autograd.OfAffine(1.0), "Autograd.OfAffine");
        FailOnMissingGradient(variable, gradient);
        TensorAssert.HasShape(variable, [], "The variable x");
        const string Float32 = "torch.tensor of a C# double is float64: create x with torch.tensor(x, dtype: ScalarType.Float32), then .requires_grad_().";
        TensorAssert.HasDtype(variable, ScalarType.Float32, "The variable x", Float32);
        TensorAssert.HasDtype(gradient!, ScalarType.Float32, "dy/dx", Float32);
        Assert.That(variable.ToDouble(), Is.EqualTo(1.0), "The variable x should hold the value it was asked for, 1.");
    }

    [Test]
    public void The_gradient_of_the_expression_matches_the_closed_form()
    {
        Tensor x = torch.tensor(new[] { -2.5, -1.0, 0.0, 0.3, 1.7, 3.1 }, [2, 3]);
        Tensor gradient = ExpressionGradient(x, [2, 3]);
        double[] expected = TensorAssert.ToDoubles(x).Select(v => (2 * v * Math.Sin(v)) + (v * v * Math.Cos(v))).ToArray();
        TensorAssert.Close(gradient, expected, [2, 3], "∂f/∂x for f(x) = Σ x²·sin(x), against 2x·sin(x) + x²·cos(x),", rtol: 1e-10, atol: 1e-12);
    }

    [Test]
    public void The_gradient_of_the_expression_matches_central_finite_differences()
    {
        double[] point = Matrix.RandomVector(8, new Random(3), scale: 3);
        Tensor gradient = ExpressionGradient(torch.tensor(point), [8]);
        double[] numeric = GradientCheck.CentralDifferences(p => p.Sum(v => v * v * Math.Sin(v)), point);
        string? table = GradientCheck.Compare(Enumerable.Range(0, 8).Select(i => $"x[{i}]").ToArray(), TensorAssert.ToDoubles(gradient), numeric,
            "autograd (yours)", "finite differences", relative: 1e-6, absolute: 1e-7);
        Assert.That(table, Is.Null, $"Gradient check of f(x) = Σ x²·sin(x) failed:\n{table}");
    }

    [Test]
    public void The_gradient_of_the_expression_keeps_dtype_and_leaves_the_callers_tensor_alone([Values(ScalarType.Float32, ScalarType.Float64)] ScalarType dtype)
    {
        Tensor x = torch.randn([3, 4], dtype: dtype);
        Tensor gradient = ExpressionGradient(x, [3, 4]);
        TensorAssert.HasDtype(gradient, dtype, "∂f/∂x",
            "the gradient has the dtype of the tensor it was taken with respect to: differentiate a copy of x (x.detach().clone()), which " +
            "keeps x's dtype, not a tensor made from its numbers.");
        Assert.That(x.requires_grad, Is.False,
            "After the call the caller's x requires grad: you switched on requires_grad on the caller's tensor. Differentiate with " +
            "respect to a copy: x.detach().clone().requires_grad_().");
    }

    [Test]
    public void The_dense_gradients_match_the_closed_form()
    {
        (Matrix x, Matrix w, double[] b) = DenseProblem();
        (double[] gradW, double[] gradB) = DenseGradients(x, w, b);
        Matrix output = x.TimesPlus(w, b);
        var expectedW = new double[w.Rows * w.Columns];
        var expectedB = new double[w.Columns];
        for (int n = 0; n < x.Rows; n++)
        {
            for (int j = 0; j < w.Columns; j++)
            {
                expectedB[j] += 2 * output[n, j];
                for (int i = 0; i < w.Rows; i++)
                {
                    expectedW[(i * w.Columns) + j] += 2 * output[n, j] * x[n, i];
                }
            }
        }

        string? table = GradientCheck.Compare(ParameterNames(w), [.. gradW, .. gradB], [.. expectedW, .. expectedB],
            "autograd (yours)", "2xᵀ(xW+b), 2Σ(xW+b)", relative: 1e-10, absolute: 1e-12);
        Assert.That(table, Is.Null, $"The gradients of L = Σ (x·W + b)² differ from the closed form:\n{table}" +
            DenseCause([.. gradW, .. gradB], [.. expectedW, .. expectedB], x.Rows * w.Columns));
    }

    [Test]
    public void The_dense_gradients_leave_the_callers_tensors_alone_and_are_the_same_on_a_second_call()
    {
        (Matrix x, Matrix w, double[] b) = DenseProblem();
        Tensor xs = x.ToTensor();
        Tensor ws = w.ToTensor();
        Tensor bs = torch.tensor(b);
        double[] first = Flatten(LearnerCode.Run(() => Autograd.OfDense(xs, ws, bs), "Autograd.OfDense"));
        double[] second = Flatten(LearnerCode.Run(() => Autograd.OfDense(xs, ws, bs), "Autograd.OfDense (called again)"));
        bool doubled = second.Zip(first, (s, f) => Math.Abs(s - (2 * f)) <= 1e-9 * Math.Max(1, Math.Abs(f))).All(same => same);
        Assert.That(ws.requires_grad || bs.requires_grad, Is.False,
            "Expected: after the call the caller's W and b are as they were. Got: they require grad: you switched on requires_grad on the caller's " +
            "tensors, so their .grad fills up call after call. Differentiate with respect to copies: w.detach().clone().requires_grad_().");
        Assert.That(xs.requires_grad || xs.grad is not null, Is.False,
            "Expected: after the call the caller's x is as it was. Got: it requires grad" + (xs.grad is null ? "" : " and has a .grad") + ": x is data, " +
            "the loss needs no gradient with respect to it. Switch on requires_grad only on the copies of W and b.");
        Assert.That(second, Is.EqualTo(first).Within(1e-9),
            "Expected: the same gradients when OfDense is called again with the same tensors. Got: different ones" +
            (doubled ? ", twice the first: backward() added into .grad that an earlier call had filled." : "."));

        static double[] Flatten((Tensor? W, Tensor? B) gradients)
        {
            FailOnNull(gradients.W, "W");
            FailOnNull(gradients.B, "b");
            return [.. TensorAssert.ToDoubles(gradients.W!), .. TensorAssert.ToDoubles(gradients.B!)];
        }
    }

    [Test]
    public void The_dense_gradients_match_central_finite_differences()
    {
        (Matrix x, Matrix w, double[] b) = DenseProblem();
        (double[] gradW, double[] gradB) = DenseGradients(x, w, b);
        double Loss(double[] p)
        {
            Matrix output = x.TimesPlus(new Matrix(w.Rows, w.Columns, p[..w.Values.Length]), p[w.Values.Length..]);
            return output.Values.Sum(v => v * v);
        }

        double[] numeric = GradientCheck.CentralDifferences(Loss, [.. w.Values, .. b]);
        string? table = GradientCheck.Compare(ParameterNames(w), [.. gradW, .. gradB], numeric,
            "autograd (yours)", "finite differences", relative: 1e-6, absolute: 1e-6);
        Assert.That(table, Is.Null, $"Gradient check of L = Σ (x·W + b)² failed:\n{table}" + DenseCause([.. gradW, .. gradB], numeric, x.Rows * w.Columns));
    }

    /// <summary>The likely cause of dense gradients that differ from <paramref name="expected"/>, for a loss over <paramref name="outputs"/> values.</summary>
    private static string DenseCause(double[] yours, double[] expected, int outputs)
    {
        // L is a sum over the n × m outputs: a mean divides every gradient by n·m.
        bool averaged = yours.Zip(expected, (y, e) => Math.Abs((y * outputs) - e) <= 1e-6 * (1 + Math.Abs(e))).All(same => same);
        return averaged
            ? $"Likely cause: every gradient is 1/{outputs} of the expected one: the loss was averaged (mean()) over the {outputs} outputs. " +
              "L is their SUM: square(), then sum()."
            : "If ∂L/∂b is n times too small, the bias was not broadcast over the rows (it must be added to every row of x·W).";
    }

    private static Tensor ExpressionGradient(Tensor x, long[] shape)
    {
        Tensor? gradient = LearnerCode.Run(() => Autograd.OfExpression(x), "Autograd.OfExpression");
        FailOnNull(gradient, "x");
        TensorAssert.HasShape(gradient, shape, "∂f/∂x");
        return gradient!;
    }

    private static (Matrix X, Matrix W, double[] B) DenseProblem()
    {
        var random = new Random(11);
        return (Matrix.Random(5, 3, random), Matrix.Random(3, 2, random), Matrix.RandomVector(2, random));
    }

    private static (double[] W, double[] B) DenseGradients(Matrix x, Matrix w, double[] b)
    {
        Tensor xs = x.ToTensor();
        Tensor ws = w.ToTensor();
        Tensor bs = torch.tensor(b);
        (Tensor? gradW, Tensor? gradB) = LearnerCode.Run(() => Autograd.OfDense(xs, ws, bs), "Autograd.OfDense");
        FailOnNull(gradW, "W");
        FailOnNull(gradB, "b");
        TensorAssert.HasShape(gradW, w.Shape, "∂L/∂W");
        TensorAssert.HasShape(gradB, [b.Length], "∂L/∂b");
        return (TensorAssert.ToDoubles(gradW!), TensorAssert.ToDoubles(gradB!));
    }

    private static string[] ParameterNames(Matrix w) =>
    [
        .. Enumerable.Range(0, w.Rows * w.Columns).Select(i => $"W[{i / w.Columns},{i % w.Columns}]"),
        .. Enumerable.Range(0, w.Columns).Select(j => $"b[{j}]"),
    ];

    private static void FailOnNull(Tensor? gradient, string parameter)
    {
        if (Coach.ExamineGradient(gradient, parameter) is { Symptom: Symptom.NullGradient } diagnosis)
        {
            Assert.Fail(diagnosis.Message);
        }
    }

    /// <summary>Says why dy/dx is missing, from what the learner's variable looks like after the call.</summary>
    private static void FailOnMissingGradient(Tensor? variable, Tensor? gradient)
    {
        if (variable is null || variable.IsInvalid)
        {
            Assert.Fail("Autograd.OfAffine returned no variable: return the tensor x you created, with its gradient.");
        }

        if (gradient is not null && !gradient.IsInvalid)
        {
            return;
        }

        if (!variable!.requires_grad)
        {
            Assert.Fail("dy/dx is null and your x does not require grad. Autograd records only operations on tensors that require " +
                        "grad: create x with torch.tensor(x, dtype: ScalarType.Float32).requires_grad_().");
        }

        if (!variable.is_leaf)
        {
            Assert.Fail("dy/dx is null because your x is not a leaf of the graph: it was computed from another tensor, and autograd fills " +
                        ".grad only for leaves. TorchSharp pitfall: torch.tensor(x, dtype: ScalarType.Float32, requires_grad: true) creates a " +
                        "float64 tensor that requires grad and then converts it, so what you hold is the converted copy. Create the tensor " +
                        "with its dtype first, then call .requires_grad_().");
        }

        if (variable.grad is { IsInvalid: false })
        {
            Assert.Fail($"The dy/dx you returned is null, but your x's .grad is {variable.grad.ToDouble()} now: you read .grad before " +
                        "backward() ran. .grad is filled BY y.backward(); read it after that call.");
        }

        Assert.Fail(Coach.ExamineGradient(gradient, "x")!.Message);
    }
}
