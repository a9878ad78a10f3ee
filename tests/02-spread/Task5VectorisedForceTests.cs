using Katas.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Spread.Tests;

/// <summary>Task 5: the vectorised force loss agrees with the article's loops (ArticleForceLoss.WithLoops).</summary>
[KataTask(5)]
public sealed class Task5VectorisedForceTests : KataTest
{
    [TestCase(20, 2, 31)]
    [TestCase(7, 3, 32)]
    [TestCase(16, 32, 33)]
    public void The_vectorised_force_loss_equals_the_articles_loops(int n, int dim, int seed)
    {
        double[][] v = Oracle.RandomVectors(n, dim, seed);
        double loops = ArticleForceLoss.WithLoops(Oracle.Tensor(v)).ToDouble();
        double vectorised = LossCheck.Value(Losses.TangentForce, v, "Losses.TangentForce");
        Assert.That(vectorised, Is.EqualTo(loops).Within(1e-9).Percent,
            $"For {n} vectors in {dim}D the article's loops give {loops} but your vectorised loss gives {vectorised}. " +
            "Build all differences at once with broadcasting: v.unsqueeze(1) − v.unsqueeze(0) has shape [N, N, D].");
    }

    [Test]
    public void The_vectorised_force_loss_handles_200_vectors_in_32D_in_one_pass()
    {
        double[][] v = Oracle.RandomVectors(200, 32, seed: 34);
        double vectorised = LossCheck.Value(Losses.TangentForce, v, "Losses.TangentForce");
        Assert.That(vectorised, Is.EqualTo(Oracle.TangentForce(v)).Within(1e-9).Percent,
            "The vectorised force loss disagrees with a plain loop for 200 vectors in 32D.");
    }
}
