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
