using Katas.Testing;
using TorchSharp;
using static TorchSharp.torch;

using Katas.Testing.Oracles;

namespace Katas.Spread.Tests;

/// <summary>Evaluates a learner's loss on float64 vectors, and checks its autograd gradient against finite differences.</summary>
internal static class LossCheck
{
    public static double Value(Func<Tensor, Tensor> loss, double[][] vectors, string what)
    {
        Tensor value = LearnerCode.Run(() => loss(Oracle.Tensor(vectors)), what);
        TensorAssert.HasShape(value, [], $"The value of {what}");
        return value.ToDouble();
    }

    /// <summary>
    /// Fails, pointing at task 1, when the learner's <see cref="Angles.Pairwise"/> is wrong for <paramref name="vectors"/>:
    /// losses a and b are built on it, so a task-1 bug would otherwise look like a wrong loss formula.
    /// Does nothing when Angles is right, or not written yet (a loss may compute its angles itself).
    /// </summary>
    public static void BlameTask1IfAnglesAreWrong(double[][] vectors, string loss)
    {
        double[]? angles = LearnerCode.RunIfWritten(() => TensorAssert.ToDoubles(Angles.Pairwise(Oracle.Tensor(vectors))), "Angles.Pairwise");
        int n = vectors.Length;
        if (angles is null || angles.Length != n * n)
        {
            return;
        }

        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double expected = i == j ? double.PositiveInfinity : SpreadGeometry.Angle(vectors[i], vectors[j]);
                // The clamp may keep equal or opposite vectors acos(1 − margin) ≈ 1.4e-6 rad (float64) from 0 or π.
                bool right = i == j ? double.IsPositiveInfinity(angles[i * n + j]) : Math.Abs(angles[i * n + j] - expected) <= 2e-6;
                if (!right)
                {
                    Assert.Fail($"{loss} is built on your Angles.Pairwise (task 1), which is wrong for these vectors: the angle [{i},{j}] should be " +
                                $"{expected} rad, yours is {angles[i * n + j]}. Fix task 1 first (./kata check 02 --task 1); what is built on it " +
                                "can't be judged until then.");
                }
            }
        }
    }

    /// <summary>Fails with a table of the worst coordinates when autograd and central differences disagree.</summary>
    public static void GradientMatchesFiniteDifferences(Func<Tensor, Tensor> loss, double[][] vectors, string what)
    {
        Tensor input = Oracle.Tensor(vectors).requires_grad_();
        LearnerCode.Run(() => loss(input).backward(), what + " and backward()");
        if (input.grad is null)
        {
            Assert.Fail($"{what}: the vectors have no gradient after backward(); the loss must be computed from the vectors with tensor operations.");
        }

        double[] autograd = TensorAssert.ToDoubles(input.grad!);
        if (!autograd.All(double.IsFinite))
        {
            double value = LearnerCode.Run(() => loss(Oracle.Tensor(vectors)).ToDouble(), what);
            if (double.IsFinite(value))
            {
                Assert.Fail($"{what}: the loss is finite ({value}) but its gradient has NaN or infinite entries. That is a 0/0 (or x/0) hidden " +
                            "from the value by masking: for example a vector's difference with itself, of length 0, divided before the diagonal " +
                            "is masked. masked_fill after the division hides the NaN from the value, not from the gradient (0 × NaN = NaN): " +
                            "replace the zero lengths (e.g. masked_fill the diagonal of the distances with 1) BEFORE dividing.");
            }
        }

        double[] flat = vectors.SelectMany(v => v).ToArray();
        int dim = vectors[0].Length;
        double[] numeric = GradientCheck.CentralDifferences(x =>
        {
            double[][] point = Enumerable.Range(0, vectors.Length).Select(i => x.Skip(i * dim).Take(dim).ToArray()).ToArray();
            using var scope = torch.NewDisposeScope();
            return loss(Oracle.Tensor(point)).ToDouble();
        }, flat);
        string[] names = Enumerable.Range(0, flat.Length).Select(k => $"v[{k / dim}][{k % dim}]").ToArray();
        string? table = GradientCheck.Compare(names, autograd, numeric, "autograd", "finite differences", relative: 1e-5, absolute: 1e-6);
        Assert.That(table, Is.Null, $"Gradient check of {what} failed:\n{table}");
    }
}
