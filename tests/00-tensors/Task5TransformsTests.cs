using Katas.Testing;
using Katas.Tensors.Kit;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Tensors.Tests;

/// <summary>Task 5: Transforms, tensor operations as geometry on the letter F.</summary>
[KataTask(5)]
public sealed class Task5TransformsTests : KataTest
{
    private static IReadOnlyList<(double X, double Y)> F => Polygons.LetterF;

    [Test]
    public void Translation_adds_the_offset_to_every_point()
    {
        Tensor moved = LearnerCode.Run(() => Transforms.Translate(TransformRuns.ToTensor(F), torch.tensor(new[] { 4.0, -1.0 })), "Transforms.Translate");
        ExpectPoints(moved, F.Select(p => (p.X + 4, p.Y - 1)).ToList(), "The F translated by (4, −1)",
            "every point p becomes p + (4, −1): add the offset of shape [2] to the points of shape [n, 2], and broadcasting adds it to every row.");
    }

    [Test]
    public void Translation_leaves_the_callers_points_where_they_were()
    {
        // The figure draws the same F under four transforms: a translation that moves the caller's tensor moves the F of the others too.
        Tensor points = TransformRuns.ToTensor(F);
        LearnerCode.Run(() => Transforms.Translate(points, torch.tensor(new[] { 4.0, -1.0 })), "Transforms.Translate");
        ExpectPoints(points, F, "The caller's points after Translate",
            "Translate must return a new tensor, points + offset, and leave its argument alone; points.add_(offset) changes the caller's " +
            "points in place.");
    }

    [Test]
    public void Rotating_1_0_by_90_degrees_gives_0_1_counter_clockwise()
    {
        Tensor rotation = LearnerCode.Run(() => Transforms.Rotation(Math.PI / 2), "Transforms.Rotation");
        TensorAssert.HasShape(rotation, [2, 2], "The rotation matrix");
        TensorAssert.HasDtype(rotation, ScalarType.Float64, "The rotation matrix", "build it from C# doubles (torch.tensor of a double[] is float64), not floats.");
        Tensor turned = LearnerCode.Run(() => Transforms.Apply(torch.tensor(new[] { 1.0, 0.0 }, [1, 2]), rotation), "Transforms.Apply");
        TensorAssert.HasShape(turned, [1, 2], "(1, 0) rotated");
        double[] p = TensorAssert.ToDoubles(turned);
        if (Math.Abs(p[0]) > 1e-12 || Math.Abs(p[1] - 1) > 1e-12)
        {
            // 90 taken as degrees a second time: a turn by π/2 · π/180 ≈ 1.57°.
            double asDegrees = Math.PI / 2 * Math.PI / 180;
            string cause = Math.Abs(p[1] + 1) < 1e-12
                ? "the point turned clockwise, to (0, −1): the matrix is transposed (or the product is p·M instead of M·p). " +
                  "R = [[cos θ, −sin θ], [sin θ, cos θ]] acts on column vectors; for points in rows, multiply by Rᵀ: points.matmul(R.t())."
                : Math.Abs(p[0] - Math.Cos(asDegrees)) < 1e-9 && Math.Abs(Math.Abs(p[1]) - Math.Sin(asDegrees)) < 1e-9
                    ? "the point turned by 1.57° instead of 90°: the angle was converted from degrees to radians, but Rotation is given radians " +
                      "already (π/2 here). Use Math.Cos(radians) and Math.Sin(radians) as they are."
                : Math.Abs(p[0]) < 1e-6 && Math.Abs(p[1] - 1) < 1e-6
                    ? "the point is (0, 1) only to float32's precision (cos(π/2) in float is −4.37e-8): the cosine and sine were computed in " +
                      "float (MathF, or a cast to float on the way). Use Math.Cos and Math.Sin of the double angle."
                : "R = [[cos θ, −sin θ], [sin θ, cos θ]], and Apply computes M·p for every row p.";
            Assert.Fail($"Rotating (1, 0) by 90° counter-clockwise should give (0, 1); yours gave ({p[0]:G6}, {p[1]:G6}). Likely cause: {cause}");
        }
    }

    [TestCase(30.0)]
    [TestCase(-135.0)]
    public void Rotation_matches_the_closed_form_on_the_letter_F(double degrees)
    {
        double theta = degrees * Math.PI / 180;
        Tensor rotation = LearnerCode.Run(() => Transforms.Rotation(theta), "Transforms.Rotation");
        // Checked before the product: a matrix product of wrong shapes can end the process inside libtorch.
        TensorAssert.HasShape(rotation, [2, 2], "The rotation matrix");
        Tensor rotated = LearnerCode.Run(() => Transforms.Apply(TransformRuns.ToTensor(F), rotation), "Transforms.Apply(Rotation)");
        ExpectPoints(rotated, F.Select(p => ((p.X * Math.Cos(theta)) - (p.Y * Math.Sin(theta)), (p.X * Math.Sin(theta)) + (p.Y * Math.Cos(theta)))).ToList(),
            $"The F rotated by {degrees}°", "(x, y) becomes (x·cos θ − y·sin θ, x·sin θ + y·cos θ).");
    }

    [Test]
    public void Scaling_multiplies_each_coordinate_by_its_factor()
    {
        Tensor scaling = LearnerCode.Run(() => Transforms.Scaling(1.5, 0.5), "Transforms.Scaling");
        TensorAssert.Close(scaling, [1.5, 0, 0, 0.5], [2, 2], "Scaling(1.5, 0.5)", rtol: 0);
        Tensor scaled = LearnerCode.Run(() => Transforms.Apply(TransformRuns.ToTensor(F), scaling), "Transforms.Apply(Scaling)");
        ExpectPoints(scaled, F.Select(p => (1.5 * p.X, 0.5 * p.Y)).ToList(), "The F scaled by (1.5, 0.5)", "(x, y) becomes (1.5·x, 0.5·y).");
    }

    [Test]
    public void The_affine_transform_is_a_product_then_a_translation()
    {
        // M = [[1, 2], [0, 1]] (a shear), offset (−3, 2): (x, y) becomes (x + 2y − 3, y + 2). M·p + t, not M·(p + t).
        Tensor matrix = torch.tensor(new[] { 1.0, 2.0, 0.0, 1.0 }, [2, 2]);
        Tensor offset = torch.tensor(new[] { -3.0, 2.0 });
        Tensor moved = LearnerCode.Run(() => Transforms.Affine(TransformRuns.ToTensor(F), matrix, offset), "Transforms.Affine");
        ExpectPoints(moved, F.Select(p => (p.X + (2 * p.Y) - 3, p.Y + 2)).ToList(), "The F under the affine map p ↦ [[1, 2], [0, 1]]·p + (−3, 2)",
            "first the product M·p, then add the offset; adding first gives M·(p + t), which moves the offset too.");
    }

    /// <summary>Compares transformed corners with the expected ones, saying which corner differs and how.</summary>
    internal static void ExpectPoints(Tensor? actual, IReadOnlyList<(double X, double Y)> expected, string what, string rule)
    {
        TensorAssert.HasShape(actual, [expected.Count, 2], what + " (one corner per row)");
        double[] values = TensorAssert.ToDoubles(actual!);
        for (int i = 0; i < expected.Count; i++)
        {
            (double x, double y) = (values[2 * i], values[(2 * i) + 1]);
            if (Math.Abs(x - expected[i].X) > 1e-9 || Math.Abs(y - expected[i].Y) > 1e-9)
            {
                Assert.Fail($"{what}: corner {i}, ({F[i].X:G6}, {F[i].Y:G6}), should become ({expected[i].X:G6}, {expected[i].Y:G6}); " +
                            $"yours became ({x:G6}, {y:G6}). The rule: {rule}");
            }
        }
    }
}
