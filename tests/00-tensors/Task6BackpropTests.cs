using Katas.Testing;
using Katas.Testing.Coaching;
using Katas.Testing.Oracles;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Tensors.Tests;

/// <summary>Task 6: Backprop, the chain rule by hand on the book's graph x1 = w·x, x2 = x1 + b, loss = |y − x2|.</summary>
[KataTask(6)]
public sealed class Task6BackpropTests : KataTest
{
    /// <summary>
    /// (w, b, x, y): the book's example (x2 = 7 > y = 4), then points on both sides of the kink x2 = y, one with y between x1 and
    /// x2 (x1 = 6 &lt; y = 6.5 &lt; x2 = 7), where the sign of x1 − y is not the sign of x2 − y, and the kink itself (x2 = y = 7), where
    /// the README takes the sign of 0 as 0, as finite differences and TorchSharp's abs do.
    /// </summary>
    private static readonly object[] Points =
    [
        new object[] { 3.0, 1.0, 2.0, 4.0 },
        new object[] { 0.5, -1.0, 3.0, 4.0 },
        new object[] { -2.0, 0.5, -1.5, 1.0 },
        new object[] { 1.2, 0.3, -2.0, 0.0 },
        new object[] { 3.0, 1.0, 2.0, 6.5 },
        new object[] { 3.0, 1.0, 2.0, 7.0 },
    ];

    [Test]
    public void The_books_example_has_the_books_local_derivatives_and_gradient()
    {
        // The book: w = 3, b = 1, x = 2, y_true = 4, so x1 = 6, x2 = 7, loss = 3; grad(loss, w) = 2, grad(loss, b) = 1.
        LocalDerivatives local = LearnerLocal(3, 1, 2, 4);
        Assert.That(local, Is.EqualTo(new LocalDerivatives(1, 1, 1, 2)),
            $"At the book's point the local derivatives are ∂loss/∂x2 = 1, ∂x2/∂x1 = 1, ∂x2/∂b = 1, ∂x1/∂w = x = 2; yours are {local}." +
            (local.X1ByW == 3 ? " Your ∂x1/∂w is w (3): the derivative of w·x with respect to w is the factor that multiplies it, x (2)." : "") +
            (local.LossByX2 == -1 ? " Your ∂loss/∂x2 is sign(y − x2) = −1: the derivative of |u| is sign(u), and the chain rule multiplies it by " +
                                    "∂(y − x2)/∂x2 = −1, so ∂|y − x2|/∂x2 = sign(x2 − y)." : ""));
        (double w, double b) = LearnerChainRule(local);
        Assert.That((w, b), Is.EqualTo((2.0, 1.0)), $"The book's gradient is ∂loss/∂w = 1·1·2 = 2 and ∂loss/∂b = 1·1 = 1; yours is ({w}, {b}).");
    }

    [TestCaseSource(nameof(Points))]
    public void The_local_derivatives_match_finite_differences_of_each_edge(double w, double b, double x, double y)
    {
        LocalDerivatives local = LearnerLocal(w, b, x, y);
        double x1 = w * x;
        double x2 = x1 + b;
        double[] numeric =
        [
            Derivative(v => Math.Abs(y - v), x2),
            Derivative(v => v + b, x1),
            Derivative(v => x1 + v, b),
            Derivative(v => v * x, w),
        ];
        string? table = GradientCheck.Compare(["∂loss/∂x2", "∂x2/∂x1", "∂x2/∂b", "∂x1/∂w"],
            [local.LossByX2, local.X2ByX1, local.X2ByB, local.X1ByW], numeric, "yours", "finite differences", relative: 1e-6, absolute: 1e-8);
        if (table is not null)
        {
            string hint = Math.Abs(local.LossByX2 - numeric[0]) > 1e-6 && x2 == y
                ? $"Here x2 = y = {y}: the loss is at its kink, where the README takes the sign of 0 as 0 (Math.Sign(0) is 0; so is TorchSharp's " +
                  "abs gradient there). A test such as x2 >= y ? 1 : -1 gives ±1 there instead."
                : Math.Abs(local.LossByX2 - numeric[0]) > 1e-6
                ? $"Here x2 = {x2} is {(x2 < y ? "below" : "above")} y = {y}, so ∂|y − x2|/∂x2 = sign(x2 − y) = {Math.Sign(x2 - y)}. " +
                  "The derivative of |u| is sign(u), and the chain rule multiplies it by ∂(y − x2)/∂x2 = −1; the book's example has x2 > y, " +
                  "where the answer happens to be +1."
                : "Each edge's derivative is taken with everything else held fixed: ∂(w·x)/∂w = x, ∂(x1 + b)/∂x1 = ∂(x1 + b)/∂b = 1.";
            Assert.Fail($"At w = {w}, b = {b}, x = {x}, y = {y} the local derivatives differ:\n{table}{hint}");
        }
    }

    [Test]
    public void The_chain_rule_multiplies_the_local_derivatives_along_each_path()
    {
        (double w, double b) = LearnerChainRule(new LocalDerivatives(LossByX2: 2, X2ByX1: 3, X2ByB: 5, X1ByW: 7));
        string cause = w is 14 or 21 or 6
            ? " Your ∂loss/∂w leaves out one of the three edges on its path (2·7 = 14 skips ∂x2/∂x1 = 3, which is 1 in the book's graph, but a " +
              "chain rule multiplies every edge from the loss back to the parameter)."
            : "";
        Assert.That((w, b), Is.EqualTo((42.0, 10.0)),
            $"With local derivatives 2, 3, 5, 7 the chain rule gives ∂loss/∂w = ∂loss/∂x2·∂x2/∂x1·∂x1/∂w = 2·3·7 = 42 and " +
            $"∂loss/∂b = ∂loss/∂x2·∂x2/∂b = 2·5 = 10; yours gave ({w}, {b}).{cause}");
    }

    [TestCaseSource(nameof(Points))]
    public void The_chain_rule_matches_central_finite_differences(double w, double b, double x, double y)
    {
        LocalDerivatives local = LearnerLocal(w, b, x, y);
        (double gradW, double gradB) = LearnerChainRule(local);
        double[] numeric = GradientCheck.CentralDifferences(p => Math.Abs(y - ((p[0] * x) + p[1])), [w, b]);
        string? table = GradientCheck.Compare(["w", "b"], [gradW, gradB], numeric, "chain rule (yours)", "finite differences", relative: 1e-6, absolute: 1e-8);
        Assert.That(table, Is.Null, () => $"At w = {w}, b = {b}, x = {x}, y = {y} your chain rule disagrees with finite differences of |y − (w·x + b)|:\n{table}" +
            WrongLocal(w, b, x, y, local));
    }

    [TestCaseSource(nameof(Points))]
    public void The_chain_rule_matches_TorchSharps_autograd(double w, double b, double x, double y)
    {
        LocalDerivatives local = LearnerLocal(w, b, x, y);
        (double gradW, double gradB) = LearnerChainRule(local);
        (double autogradW, double autogradB) = TorchSharpGradient(w, b, x, y);
        string? table = GradientCheck.Compare(["w", "b"], [gradW, gradB], [autogradW, autogradB], "chain rule (yours)", "TorchSharp autograd",
            relative: 1e-12, absolute: 1e-12);
        Assert.That(table, Is.Null, () => $"At w = {w}, b = {b}, x = {x}, y = {y} your chain rule disagrees with autograd:\n{table}" + WrongLocal(w, b, x, y, local));
    }

    [TestCaseSource(nameof(Points))]
    public void Your_autograd_gradients_match_central_finite_differences(double w, double b, double x, double y)
    {
        (Tensor? gradW, Tensor? gradB) = LearnerCode.Run(() => Backprop.WithAutograd(w, b, x, y), "Backprop.WithAutograd");
        foreach ((Tensor? gradient, string name) in new[] { (gradW, "w"), (gradB, "b") })
        {
            if (Coach.ExamineGradient(gradient, name) is { Symptom: Symptom.NullGradient } diagnosis)
            {
                Assert.Fail(diagnosis.Message);
            }

            TensorAssert.HasShape(gradient, [], $"∂loss/∂{name}");
            TensorAssert.HasDtype(gradient!, ScalarType.Float64, $"∂loss/∂{name}", "create w and b with dtype: ScalarType.Float64 (the default of torch.tensor of a C# double).");
        }

        double[] numeric = GradientCheck.CentralDifferences(p => Math.Abs(y - ((p[0] * x) + p[1])), [w, b]);
        string? table = GradientCheck.Compare(["w", "b"], [gradW!.ToDouble(), gradB!.ToDouble()], numeric, "autograd (yours)", "finite differences",
            relative: 1e-6, absolute: 1e-8);
        Assert.That(table, Is.Null, $"At w = {w}, b = {b}, x = {x}, y = {y} your autograd gradient disagrees with finite differences:\n{table}");
    }

    /// <summary>
    /// The chain rule multiplies what Local gives: when the learner's local derivatives already differ from the true ones at this point
    /// (sign(x2 − y), 1, 1, x: the same edges the local-derivative test checks by finite differences), that is the cause to name.
    /// </summary>
    private static string WrongLocal(double w, double b, double x, double y, LocalDerivatives local)
    {
        double x2 = (w * x) + b;
        (string Edge, double Yours, double Expected)[] edges =
            [("∂loss/∂x2", local.LossByX2, Math.Sign(x2 - y)), ("∂x2/∂x1", local.X2ByX1, 1), ("∂x2/∂b", local.X2ByB, 1), ("∂x1/∂w", local.X1ByW, x)];
        string[] wrong = [.. edges.Where(edge => !(Math.Abs(edge.Yours - edge.Expected) <= 1e-9)).Select(edge => $"{edge.Edge} is {edge.Yours}, not {edge.Expected}")];
        return wrong.Length == 0
            ? ""
            : $"\nLikely cause: Backprop.Local, not ChainRule: at this point your local derivatives are wrong ({string.Join("; ", wrong)}), and the chain " +
              "rule multiplies what Local gives. Fix Local first (its own test, the local derivatives match finite differences, says how).";
    }

    private static LocalDerivatives LearnerLocal(double w, double b, double x, double y)
    {
        LocalDerivatives? local = LearnerCode.Run(() => Backprop.Local(w, b, x, y), "Backprop.Local");
        Assert.That(local, Is.Not.Null, "Backprop.Local returned null; return new LocalDerivatives(...).");
        return local!;
    }

    private static (double W, double B) LearnerChainRule(LocalDerivatives local) =>
        LearnerCode.Run(() => Backprop.ChainRule(local), "Backprop.ChainRule");

    /// <summary>The oracle: TorchSharp's own autograd on the book's graph, in float64.</summary>
    private static (double W, double B) TorchSharpGradient(double w, double b, double x, double y)
    {
        using var scope = torch.NewDisposeScope();
        Tensor weight = torch.tensor(w, dtype: ScalarType.Float64).requires_grad_();
        Tensor bias = torch.tensor(b, dtype: ScalarType.Float64).requires_grad_();
        Tensor loss = (y - ((weight * x) + bias)).abs();
        loss.backward();
        return (weight.grad!.ToDouble(), bias.grad!.ToDouble());
    }

    private static double Derivative(Func<double, double> f, double at) => GradientCheck.CentralDifferences(p => f(p[0]), [at])[0];
}
