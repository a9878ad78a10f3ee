using Katas.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Tensors.Tests;

/// <summary>Task 2: ElementWise, element-wise operations and broadcasting.</summary>
[KataTask(2)]
public sealed class Task2ElementWiseTests : KataTest
{
    /// <summary>Pairs of shapes that broadcast; the expected result is TorchSharp's own broadcasting of tensors of these shapes.</summary>
    private static readonly object[] Broadcastable =
    [
        new object[] { new long[] { 64, 3, 32, 10 }, new long[] { 32, 10 } },
        new object[] { new long[] { 32, 10 }, new long[] { 64, 3, 32, 10 } },
        new object[] { new long[] { 5, 1, 4 }, new long[] { 3, 1 } },
        new object[] { new long[] { 2, 3 }, new long[] { 3 } },
        new object[] { new long[] { 4, 1 }, new long[] { 1, 6 } },
        new object[] { new long[] { 7 }, new long[] { } },
        new object[] { new long[] { }, new long[] { } },
        new object[] { new long[] { 1, 2, 1 }, new long[] { 8, 1, 1, 5 } },
        // A size 1 stretches to the other size, even to 0: an empty batch stays empty (the larger of the two sizes would be 1).
        new object[] { new long[] { 0 }, new long[] { 1 } },
        new object[] { new long[] { 1, 4 }, new long[] { 2, 0, 4 } },
    ];

    /// <summary>Pairs that don't broadcast.</summary>
    private static readonly object[] Incompatible =
    [
        new object[] { new long[] { 3, 4 }, new long[] { 3 } },
        new object[] { new long[] { 64, 3, 32, 10 }, new long[] { 32, 11 } },
        new object[] { new long[] { 2, 5 }, new long[] { 3, 5 } },
        new object[] { new long[] { 0 }, new long[] { 3 } },
    ];

    [Test]
    public void Relu_matches_a_plain_loop_and_keeps_shape_and_dtype([Values(ScalarType.Float32, ScalarType.Float64, ScalarType.Int64)] ScalarType dtype)
    {
        Tensor x = dtype == ScalarType.Int64 ? torch.randint(-9, 10, [4, 3, 5], dtype: dtype) : torch.randn([4, 3, 5], dtype: dtype);
        Tensor relu = LearnerCode.Run(() => ElementWise.Relu(x), "ElementWise.Relu");
        TensorAssert.HasShape(relu, [4, 3, 5], "relu(x)");
        TensorAssert.HasDtype(relu, dtype, "relu(x)", "a C# double took part (clamp_min(0.0) or x * 1.0 turn int64 values into float32, where " +
            "clamp_min(0), an int, keeps them), a tensor made on the way was mixed in (torch.zeros without a dtype is float32), or integers were " +
            "divided (/ is true division in TorchSharp, so (x + x.abs()) / 2 of int64 values is float32): clamp_min(0) keeps x's dtype.");
        double[] expected = TensorAssert.ToDoubles(x).Select(v => Math.Max(v, 0)).ToArray();
        TensorAssert.Close(relu, expected, [4, 3, 5], "relu(x) = max(x, 0)", rtol: 0);
    }

    [Test]
    public void Relu_is_exact_at_the_ends_of_float32s_range()
    {
        float[] values = [float.NegativeInfinity, -3e38f, -1e-30f, 0f, 1e-30f, 3e38f, float.PositiveInfinity];
        Tensor x = torch.tensor(values);
        double[] relu = TensorAssert.ToDoubles(LearnerCode.Run(() => ElementWise.Relu(x), "ElementWise.Relu"));
        double[] expected = values.Select(v => (double)Math.Max(v, 0f)).ToArray();
        bool nanOnlyAtMinusInfinity = double.IsNaN(relu[0]) && relu.Skip(1).SequenceEqual(expected.Skip(1));
        Assert.That(relu, Is.EqualTo(expected),
            $"Expected: relu of [{string.Join(", ", values)}] is [{string.Join(", ", expected)}]. Got: [{string.Join(", ", relu)}]. Likely cause: " +
            (nanOnlyAtMinusInfinity
                ? "relu computed as a product with a mask, such as x * (x > 0): at −∞ that is −∞ · 0, which is NaN; "
                : "relu computed by arithmetic, such as (x + |x|) / 2, which overflows for large values (3e38 + 3e38 is ∞ in float32) and gives NaN at −∞ " +
                  "(−∞ + ∞); ") +
            "max(x, 0) is a comparison: x.clamp_min(0).");
    }

    [Test]
    public void Relu_leaves_its_input_unchanged()
    {
        Tensor x = torch.tensor(new[] { -2.0, -0.5, 0.0, 1.5 });
        LearnerCode.Run(() => ElementWise.Relu(x), "ElementWise.Relu");
        double[] after = TensorAssert.ToDoubles(x);
        Assert.That(after, Is.EqualTo(new[] { -2.0, -0.5, 0.0, 1.5 }),
            $"Expected: relu leaves its input as it was, [-2, -0.5, 0, 1.5]. Got: the caller's tensor is now [{string.Join(", ", after)}]. " +
            "Likely cause: an in-place operation (clamp_min_, relu_, or writing through x) changed the caller's tensor; the ones without the " +
            "trailing underscore (clamp_min(0)) return a new tensor.");
    }

    [TestCaseSource(nameof(Broadcastable))]
    public void BroadcastShape_matches_TorchSharps_broadcasting(long[] a, long[] b)
    {
        long[] expected = TorchBroadcast(a, b);
        long[] aBefore = [.. a], bBefore = [.. b];
        (long[]? actual, ArgumentException? rejected) = Broadcast(a, b);
        foreach ((string which, long[] given, long[] before) in new[] { ("first", a, aBefore), ("second", b, bBefore) })
        {
            Assert.That(given, Is.EqualTo(before), () => $"BroadcastShape changed the {which} shape it was given, {Shapes.Text(before)}, into " +
                $"{Shapes.Text(given)}: the caller's arrays are theirs. Likely cause: the result written into one of the inputs; make a new long[] for it.");
        }
        const string Alignment = "Likely cause: the shapes were lined up at their FIRST axis; broadcasting lines them up at their LAST axis and pads " +
                                 "the shorter shape with 1s on the left, so [32, 10] acts as [1, 1, 32, 10] next to [64, 3, 32, 10].";
        if (rejected is not null)
        {
            // A rule that lets a 1 stretch in one of the two shapes only accepts the same shapes the other way round.
            string cause = Broadcast(b, a).Rejected is null
                ? $"Likely cause: your rule is not the same both ways round, since BroadcastShape({Shapes.Text(b)}, {Shapes.Text(a)}) is accepted. " +
                  "A size 1 stretches to the other size whichever of the two shapes it is in."
                : Alignment;
            Assert.Fail($"{Shapes.Text(a)} and {Shapes.Text(b)} do broadcast (TorchSharp gives {Shapes.Text(expected)}), but your BroadcastShape " +
                        $"rejected them: \"{rejected.Message}\". {cause}");
        }

        Assert.That(actual, Is.Not.Null, "BroadcastShape returned null; return the broadcast shape.");
        bool stretchedToOne = expected.Contains(0) && actual!.Length == expected.Length &&
                              Enumerable.Range(0, expected.Length).All(i => actual[i] == expected[i] || (expected[i] == 0 && actual[i] == 1));
        Assert.That(actual, Is.EqualTo(expected),
            $"Broadcasting {Shapes.Text(a)} with {Shapes.Text(b)} gives {Shapes.Text(expected)} (TorchSharp's own result); yours gave {Shapes.Text(actual!)}. " +
            (stretchedToOne
                ? "Likely cause: the result takes the larger of the two sizes; a size 1 stretches to the OTHER size, even when that is 0 (an empty axis stays empty)."
                : actual!.Length != expected.Length
                    ? $"Likely cause: the result has {actual.Length} axes; a broadcast has as many as the longer shape ({expected.Length}), the shorter one padded with 1s on the left."
                    : Alignment));
    }

    /// <summary>The learner's broadcast shape of <paramref name="a"/> and <paramref name="b"/>, or the ArgumentException it refused them with.</summary>
    private static (long[]? Shape, ArgumentException? Rejected) Broadcast(long[] a, long[] b) =>
        LearnerCode.Run<(long[]?, ArgumentException?)>(() =>
        {
            try
            {
                return (ElementWise.BroadcastShape(a, b), null);
            }
            catch (ArgumentException e)
            {
                return (null, e);
            }
        }, "ElementWise.BroadcastShape");

    [TestCaseSource(nameof(Incompatible))]
    public void Incompatible_shapes_are_an_ArgumentException_naming_both_shapes(long[] a, long[] b)
    {
        ArgumentException error = Expect.ArgumentException(() => ElementWise.BroadcastShape(a, b), "ElementWise.BroadcastShape",
            $"the shapes {Shapes.Text(a)} and {Shapes.Text(b)} don't broadcast");
        Assert.That(error.Message, Does.Contain(Shapes.Text(a)).And.Contain(Shapes.Text(b)),
            $"The message should name both shapes as Shapes.Text writes them, {Shapes.Text(a)} and {Shapes.Text(b)}, so the caller sees which " +
            $"tensors disagree. Yours: \"{error.Message}\"");
    }

    [Test]
    public void Maximum_of_the_books_example_broadcasts_y_over_the_first_two_axes_of_x()
    {
        // The book: x of shape [64, 3, 32, 10], y of shape [32, 10]; maximum(x, y) has shape [64, 3, 32, 10].
        Tensor x = torch.rand([64, 3, 32, 10]);
        Tensor y = torch.rand([32, 10]);
        Tensor z = LearnerCode.Run(() => ElementWise.Maximum(x, y), "ElementWise.Maximum");
        TensorAssert.HasShape(z, [64, 3, 32, 10], "maximum(x, y)");
        float[] xs = x.data<float>().ToArray();
        float[] ys = y.data<float>().ToArray();
        double[] expected = xs.Select((v, i) => (double)Math.Max(v, ys[i % 320])).ToArray();
        TensorAssert.Close(z, expected, [64, 3, 32, 10], "maximum(x, y), y repeated for every x[i, j]", rtol: 0);
    }

    [Test]
    public void Maximum_of_shapes_that_dont_broadcast_is_an_ArgumentException_naming_both_shapes()
    {
        Tensor x = torch.rand([64, 3, 32, 10]);
        Tensor y = torch.rand([32, 11]);
        ArgumentException error = Expect.ArgumentException(() => ElementWise.Maximum(x, y), "ElementWise.Maximum",
            "x has shape [64, 3, 32, 10] and y has shape [32, 11]");
        Assert.That(error.Message, Does.Contain("[64, 3, 32, 10]").And.Contain("[32, 11]"),
            $"The message should name both shapes, [64, 3, 32, 10] and [32, 11]. Yours: \"{error.Message}\". " +
            "Check them with your BroadcastShape before calling torch.maximum.");
    }

    /// <summary>The oracle: the shape TorchSharp gives the sum of two zero tensors of these shapes.</summary>
    private static long[] TorchBroadcast(long[] a, long[] b)
    {
        using Tensor x = torch.zeros(a);
        using Tensor y = torch.zeros(b);
        using Tensor sum = x + y;
        return sum.shape;
    }
}
