using Katas.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Spread.Tests;

/// <summary>Task 2: the article's three losses.</summary>
[KataTask(2)]
public sealed class Task2LossesTests : KataTest
{
    private static readonly double[][] Random7 = Oracle.RandomVectors(7, 3, seed: 11);

    [Test]
    public void Loss_a_is_minus_the_smallest_angle()
    {
        LossCheck.BlameTask1IfAnglesAreWrong(Random7, "Losses.NegativeMinimumAngle");
        double loss = LossCheck.Value(Losses.NegativeMinimumAngle, Random7, "Losses.NegativeMinimumAngle");
        Assert.That(loss, Is.EqualTo(-SpreadGeometry.MinimumAngle(Random7)).Within(1e-9),
            "Loss a is minus the smallest angle (radians): minimising it maximises the smallest angle.");
    }

    [Test]
    public void Loss_a_moves_only_the_closest_pair()
    {
        Tensor vectors = Oracle.Tensor(Random7).requires_grad_();
        LearnerCode.Run(() => Losses.NegativeMinimumAngle(vectors).backward(), "Losses.NegativeMinimumAngle and backward()");
        double[] gradient = TensorAssert.ToDoubles(vectors.grad!);
        (int a, int b) = ClosestPair(Random7);
        for (int i = 0; i < Random7.Length; i++)
        {
            double norm = Math.Sqrt(gradient.Skip(i * 3).Take(3).Sum(x => x * x));
            if (i == a || i == b)
            {
                Assert.That(norm, Is.GreaterThan(1e-6), $"Vector {i} is in the closest pair ({a}, {b}), so loss a must move it.");
            }
            else
            {
                Assert.That(norm, Is.EqualTo(0).Within(1e-12),
                    $"Vector {i} is not in the closest pair ({a}, {b}) but loss a's gradient moves it: the minimum of the " +
                    "angles depends on the closest pair only.");
            }
        }
    }

    [TestCase(0.4)]
    [TestCase(1.5)]
    [TestCase(0.0)]
    public void Loss_b_adds_spreadWeight_times_the_spread_of_the_nearest_neighbour_angles(double spreadWeight)
    {
        LossCheck.BlameTask1IfAnglesAreWrong(Random7, "Losses.MinimumAngleWithSpread");
        double loss = LossCheck.Value(v => Losses.MinimumAngleWithSpread(v, spreadWeight), Random7, $"Losses.MinimumAngleWithSpread(v, {spreadWeight})");
        double expected = Oracle.MinimumAngleWithSpread(Random7, spreadWeight);
        // expected = w·S − min, S the sum of squared deviations; a variance (mean) instead of the sum gives w·S/N − min.
        double smallest = SpreadGeometry.MinimumAngle(Random7);
        double averaged = ((expected + smallest) / Random7.Length) - smallest;
        string ignoresWeight = spreadWeight != 0.4 && Math.Abs(loss - Oracle.MinimumAngleWithSpread(Random7, 0.4)) < 1e-9
            ? " That is the loss with weight 0.4: use the spreadWeight parameter instead of the article's 0.4 written in."
            : spreadWeight != 0 && Math.Abs(loss - averaged) < 1e-9
                ? $" That is the loss with the MEAN of the squared deviations (a variance, the sum divided by the {Random7.Length} vectors): the " +
                  "article's spread is their sum, .sum() instead of .mean()."
                : "";
        Assert.That(loss, Is.EqualTo(expected).Within(1e-9),
            $"Loss b with spreadWeight {spreadWeight} should be −(smallest angle − {spreadWeight} × Σ(nearest-neighbour angle − their mean)²) = {expected}; " +
            $"yours is {loss}.{ignoresWeight}");
    }

    [Test]
    public void Loss_b_of_a_regular_polygon_has_no_spread()
    {
        double[][] polygon = SpreadGeometry.RegularPolygon(12, offset: 0.3);
        LossCheck.BlameTask1IfAnglesAreWrong(polygon, "Losses.MinimumAngleWithSpread");
        double loss = LossCheck.Value(v => Losses.MinimumAngleWithSpread(v), polygon, "Losses.MinimumAngleWithSpread");
        Assert.That(loss, Is.EqualTo(-2 * Math.PI / 12).Within(1e-9),
            "Every vector of a regular 12-gon has its nearest neighbour 30° away, so the spread is 0 and loss b is −30° (in radians).");
    }

    [Test]
    public void Loss_c_sums_the_tangent_parts_of_the_inverse_square_forces()
    {
        double loss = LossCheck.Value(Losses.TangentForce, Random7, "Losses.TangentForce");
        double expected = Oracle.TangentForce(Random7);
        Assert.That(loss, Is.EqualTo(expected).Within(1e-6).Percent,
            $"Loss c should be Σᵢ |tangent part of Σⱼ (vᵢ − vⱼ)/|vᵢ − vⱼ|³| = {expected}; yours is {loss}.");
    }

    [TestCase("regular 20-gon")]
    [TestCase("tetrahedron")]
    [TestCase("octahedron")]
    [TestCase("icosahedron")]
    public void Loss_c_is_zero_at_a_regular_arrangement(string arrangement)
    {
        double[][] vectors = arrangement switch
        {
            "regular 20-gon" => SpreadGeometry.RegularPolygon(20),
            "tetrahedron" => Oracle.Tetrahedron,
            "octahedron" => Oracle.Octahedron,
            _ => Oracle.Icosahedron,
        };
        double loss = LossCheck.Value(Losses.TangentForce, vectors, "Losses.TangentForce");
        Assert.That(loss, Is.EqualTo(0).Within(1e-6),
            $"In a {arrangement} the forces on each vector balance along the sphere: only a radial part is left, which " +
            $"cannot move it. Loss c should be 0 there, yours is {loss}. Did you remove the radial component (f − (f·v)v)?" +
            $" If you put a constant c under each length's square root, √(|t|² + c), it must be tiny (1e-18): each of the {vectors.Length} vectors adds " +
            $"√c to the loss, so {loss:G3} would be c ≈ {Math.Pow(loss / vectors.Length, 2):G2}.");
    }

    [Test]
    public void Loss_c_has_a_finite_gradient_at_an_equilibrium()
    {
        // At the octahedron every tangent part is exactly 0: a plain √(|t|²) has an infinite derivative there, and 0·∞ is NaN,
        // so a descent that reaches an equilibrium (or starts at one) would end on NaN vectors.
        Tensor vectors = Oracle.Tensor(Oracle.Octahedron).requires_grad_();
        Tensor loss = LearnerCode.Run(() => Losses.TangentForce(vectors), "Losses.TangentForce (at the octahedron)");
        LearnerCode.Run(() => { loss.backward(); return 0; }, "backward() through Losses.TangentForce");
        double[] gradient = vectors.grad is { } g ? TensorAssert.ToDoubles(g) : [];
        Assert.That(gradient.Length > 0 && gradient.All(double.IsFinite), Is.True,
            $"At the octahedron, an equilibrium, loss c's gradient should be finite (0: nothing pushes along the sphere); yours has " +
            $"{gradient.Count(x => !double.IsFinite(x))} of {gradient.Length} values that are NaN or infinite. Likely cause: the length of each " +
            "tangent part as √(|t|²): at an equilibrium t is exactly 0 and the square root's derivative there is infinite. Keep the length " +
            "differentiable at 0: √(|t|² + a tiny constant such as 1e-18), as the descent of task 3 reaches such points.");
    }

    [Test]
    public void Loss_a_gradient_matches_finite_differences() =>
        LossCheck.GradientMatchesFiniteDifferences(Losses.NegativeMinimumAngle, Random7, "Losses.NegativeMinimumAngle");

    [Test]
    public void Loss_b_gradient_matches_finite_differences() =>
        LossCheck.GradientMatchesFiniteDifferences(v => Losses.MinimumAngleWithSpread(v), Random7, "Losses.MinimumAngleWithSpread");

    [Test]
    public void Loss_c_gradient_matches_finite_differences() =>
        LossCheck.GradientMatchesFiniteDifferences(Losses.TangentForce, Random7, "Losses.TangentForce");

    private static (int, int) ClosestPair(double[][] v)
    {
        (int, int) best = (0, 1);
        for (int i = 0; i < v.Length; i++)
        {
            for (int j = i + 1; j < v.Length; j++)
            {
                if (SpreadGeometry.Angle(v[i], v[j]) < SpreadGeometry.Angle(v[best.Item1], v[best.Item2]))
                {
                    best = (i, j);
                }
            }
        }

        return best;
    }
}
