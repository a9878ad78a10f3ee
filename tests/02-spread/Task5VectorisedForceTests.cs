using Katas.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Spread.Tests;

/// <summary>
/// Task 5: the force loss is vectorised: it agrees with the forces summed pair by pair (plain loops over
/// doubles, in the tests, not the article's tensor loops in katas/), and the number of tensors it makes does
/// not grow with the number of vectors, as a loop over vectors or pairs would.
/// </summary>
[KataTask(5)]
public sealed class Task5VectorisedForceTests : KataTest
{
    [TestCase(20, 2, 31)]
    [TestCase(7, 3, 32)]
    [TestCase(16, 32, 33)]
    [TestCase(200, 32, 34)]
    public void The_vectorised_force_loss_equals_the_forces_summed_pair_by_pair(int n, int dim, int seed)
    {
        double[][] v = Oracle.RandomVectors(n, dim, seed);
        double vectorised = LossCheck.Value(Losses.TangentForce, v, "Losses.TangentForce");
        double expected = Oracle.TangentForce(v);
        Assert.That(vectorised, Is.EqualTo(expected).Within(1e-9).Percent,
            $"For {n} vectors in {dim}D the forces summed pair by pair give {expected} but your vectorised loss gives {vectorised}. " +
            "Build all differences at once with broadcasting: v.unsqueeze(1) − v.unsqueeze(0) has shape [N, N, D].");
    }

    [Test]
    public void The_force_loss_makes_as_many_tensors_for_64_vectors_as_for_8()
    {
        (long few, long many) = LearnerCode.Run(() => (TensorsMadeBy(8), TensorsMadeBy(64)), "Losses.TangentForce");
        Assert.That(many, Is.LessThanOrEqualTo(few + 4),
            $"Your Losses.TangentForce made {few} tensors for 8 vectors and {many} for 64. A vectorised loss makes the same handful " +
            "whatever N is (one [N, N, D] difference tensor, one norm, ...); a count that grows with N means a loop over vectors or " +
            $"pairs (the article's loops make about 6·N² tensors: {6 * 8 * 8} and {6 * 64 * 64}), which is what task 5 replaces. " +
            "Calling ArticleForceLoss.WithLoops counts as a loop too.");
    }

    /// <summary>How many tensors one evaluation of the learner's loss creates (inside or outside dispose scopes), on this thread.</summary>
    private static long TensorsMadeBy(int n)
    {
        using var scope = torch.NewDisposeScope();
        Tensor vectors = Oracle.Tensor(Oracle.RandomVectors(n, 3, seed: 35));
        long before = Created();
        Losses.TangentForce(vectors);
        return Created() - before;
    }

    private static long Created() =>
        DisposeScopeManager.Statistics.CreatedInScopeCount + DisposeScopeManager.Statistics.CreatedOutsideScopeCount;
}
