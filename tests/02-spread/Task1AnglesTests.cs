using Katas.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Spread.Tests;

/// <summary>Task 1: Angles.Pairwise and Angles.Minimum.</summary>
[KataTask(1)]
public sealed class Task1AnglesTests : KataTest
{
    [Test]
    public void The_angles_of_random_vectors_match_acos_of_their_normalised_dot_products()
    {
        double[][] v = Oracle.RandomVectors(9, 4, seed: 3);
        Tensor angles = LearnerCode.Run(() => Angles.Pairwise(Oracle.Tensor(v)), "Angles.Pairwise");
        TensorAssert.HasShape(angles, [9, 9], "The pairwise angles");
        double[] actual = TensorAssert.ToDoubles(angles);
        for (int i = 0; i < 9; i++)
        {
            for (int j = 0; j < 9; j++)
            {
                if (i == j)
                {
                    Assert.That(actual[i * 9 + j], Is.EqualTo(double.PositiveInfinity),
                        $"The diagonal (a vector with itself) should be +∞ so it is never the smallest angle; [{i},{i}] is {actual[i * 9 + j]}.");
                    continue;
                }

                double expected = SpreadGeometry.Angle(v[i], v[j]);
                Assert.That(actual[i * 9 + j], Is.EqualTo(expected).Within(1e-9),
                    $"The angle between vectors {i} and {j} should be {expected} rad ({Oracle.Degrees(expected):F4}°). " +
                    "Angles are acos of the dot product of the NORMALISED vectors, in radians.");
            }
        }
    }

    [Test]
    public void The_smallest_angle_of_an_orthonormal_basis_is_90_degrees()
    {
        Tensor minimum = LearnerCode.Run(() => Angles.Minimum(torch.eye(5, dtype: ScalarType.Float64)), "Angles.Minimum");
        TensorAssert.HasShape(minimum, [], "The smallest angle");
        Assert.That(Oracle.Degrees(minimum.ToDouble()), Is.EqualTo(90).Within(1e-9),
            $"Five orthonormal vectors are 90° apart; your smallest angle is {Oracle.Degrees(minimum.ToDouble())}°." +
            (minimum.ToDouble() < 1e-4 ? " Almost 0 means a vector was compared with itself: mask the diagonal." : ""));
    }

    [Test]
    public void Lengths_do_not_change_the_angles()
    {
        double[][] v = Oracle.RandomVectors(6, 3, seed: 5);
        double[][] scaled = v.Select((row, i) => row.Select(x => x * (i + 0.5) * 3).ToArray()).ToArray();
        Tensor minimum = LearnerCode.Run(() => Angles.Minimum(Oracle.Tensor(scaled)), "Angles.Minimum");
        Assert.That(minimum.ToDouble(), Is.EqualTo(SpreadGeometry.MinimumAngle(v)).Within(1e-9),
            "Scaling a vector does not change its direction: normalise the vectors before taking dot products.");
    }

    [TestCase(ScalarType.Float64)]
    [TestCase(ScalarType.Float32)]
    public void Equal_and_opposite_vectors_give_finite_gradients_not_NaN(ScalarType dtype)
    {
        Tensor vectors = Oracle.Tensor([[1, 0, 0], [1, 0, 0], [-1, 0, 0], [0, 1, 0]]).to_type(dtype).requires_grad_();
        Tensor minimum = LearnerCode.Run(() =>
        {
            Tensor result = Angles.Minimum(vectors);
            Angles.Pairwise(vectors).masked_fill(torch.eye(4, dtype: ScalarType.Bool), 0).sum().add(result).backward();
            return result;
        }, "Angles.Pairwise/Minimum and backward()");
        // The clamp keeps equal vectors acos(1 − margin) ≈ √(2·margin) apart: 1.4e-6 rad in float64, 1.4e-3 in float32.
        double tolerance = dtype == ScalarType.Float32 ? 2e-3 : 1e-5;
        Assert.That(minimum.ToDouble(), Is.EqualTo(0).Within(tolerance), $"Two equal vectors are 0 apart ({dtype}).");
        Assert.That(vectors.grad, Is.Not.Null, "The vectors have no gradient after backward(): compute the angles from the vectors with tensor operations.");
        double[] gradient = TensorAssert.ToDoubles(vectors.grad!);
        Assert.That(gradient.All(double.IsFinite), Is.True,
            $"The gradient is NaN or infinite for equal or opposite {dtype} vectors: acos'(x) = −1/√(1−x²) is infinite at x = ±1. " +
            "Clamp the cosines slightly inside [−1, 1] before acos, by CosineMargin(vectors.dtype)" +
            (dtype == ScalarType.Float32
                ? ": in float32, 1 − 1e-12 rounds to exactly 1, so a margin made for float64 does nothing (float32 needs about 1e-6)."
                : "."));
    }
}
