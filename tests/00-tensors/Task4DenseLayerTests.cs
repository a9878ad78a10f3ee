using Katas.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Tensors.Tests;

/// <summary>Task 4: Dense, a dense layer by hand and the collapse of a stack of affine layers.</summary>
[KataTask(4)]
public sealed class Task4DenseLayerTests : KataTest
{
    [Test]
    public void The_dense_layer_matches_a_plain_loop()
    {
        var random = new Random(5);
        Matrix x = Matrix.Random(6, 4, random);
        Matrix w = Matrix.Random(4, 3, random);
        double[] b = Matrix.RandomVector(3, random);
        Tensor output = LearnerCode.Run(() => Dense.Forward(x.ToTensor(), w.ToTensor(), torch.tensor(b)), "Dense.Forward");
        TensorAssert.HasShape(output, [6, 3], "relu(x·W + b) for x [6, 4], W [4, 3], b [3]");
        TensorAssert.HasDtype(output, ScalarType.Float64, "relu(x·W + b) of float64 inputs",
            "a step on the way made float32 values (a tensor created without a dtype, a to_type): Forward keeps its inputs' dtype. If it calls your " +
            "ElementWise.Relu (task 2), that must keep the dtype too (task 2's tests say whether it does).");
        double[] affine = x.TimesPlus(w, b).Values;
        double[] expected = affine.Select(v => Math.Max(v, 0)).ToArray();
        double[] actual = TensorAssert.ToDoubles(output);
        int wrong = Enumerable.Range(0, expected.Length).FirstOrDefault(i => Math.Abs(actual[i] - expected[i]) > 1e-12, -1);
        if (wrong >= 0)
        {
            // Which wrong formula gives every one of your values?
            double[] product = affine.Select((v, i) => v - b[i % 3]).ToArray();
            bool All(Func<int, double> formula) => Enumerable.Range(0, actual.Length).All(i => Math.Abs(actual[i] - formula(i)) < 1e-12);
            string cause = All(i => affine[i]) ? "relu is missing: negative values must become 0."
                : All(i => Math.Max(product[i], 0)) ? "the bias b is not added."
                : All(i => Math.Max(product[i], 0) + b[i % 3])
                    ? "relu was applied before adding b: relu(x·W) + b lets the bias make outputs negative. Add b first, then relu: relu(x·W + b)."
                : "check the order of the product: x·W (x.matmul(w)), then + b, then relu.";
            Assert.Fail($"relu(x·W + b) at [{wrong / 3}, {wrong % 3}]: expected {expected[wrong]:G9} (a plain loop), got {actual[wrong]:G9}. Likely cause: {cause}");
        }
    }

    [Test]
    public void Negative_pre_activations_become_zero_and_positive_ones_pass_through()
    {
        // x·W + b = [[-1, 2], [3, -4]] exactly.
        Tensor x = torch.tensor(new[] { 1.0, 0.0, 0.0, 1.0 }, [2, 2]);
        Tensor w = torch.tensor(new[] { -2.0, 3.0, 2.0, -3.0 }, [2, 2]);
        Tensor b = torch.tensor(new[] { 1.0, -1.0 });
        Tensor output = LearnerCode.Run(() => Dense.Forward(x, w, b), "Dense.Forward");
        TensorAssert.HasShape(output, [2, 2], "relu(x·W + b) for x [2, 2], W [2, 2], b [2]");
        double[] actual = TensorAssert.ToDoubles(output);
        Assert.That(actual, Is.EqualTo(new[] { 0.0, 2, 3, 0 }).Within(1e-12),
            $"x·W + b is [[-1, 2], [3, -4]], so relu(x·W + b) is [[0, 2], [3, 0]]; yours is [[{actual[0]:G6}, {actual[1]:G6}], [{actual[2]:G6}, {actual[3]:G6}]]." +
            LikelyCauseOfTheSmallLayer(actual));
    }

    /// <summary>What the 2×2 layer's wrong values point to: relu missing, an upper bound on it, or b added down the columns instead of along each row.</summary>
    private static string LikelyCauseOfTheSmallLayer(double[] actual)
    {
        if (actual[0] < 0 || actual[3] < 0)
        {
            return " Likely cause: relu is missing: negative pre-activations must become 0 (clamp_min(0), or your ElementWise.Relu).";
        }

        // relu(x·W + b) is [[0, 2], [3, 0]]: values cut at a ceiling c below 3 read [[0, min(2, c)], [c, 0]].
        double ceiling = actual[2];
        if (ceiling < 3 - 1e-12 && Math.Abs(actual[1] - Math.Min(2, ceiling)) < 1e-12 && Math.Abs(actual[0]) < 1e-12 && Math.Abs(actual[3]) < 1e-12)
        {
            return $" Likely cause: values above {ceiling:G6} were cut to {ceiling:G6} (a clamp with an upper bound, such as clamp(0, 1)). relu only " +
                   "sets negatives to 0 and has no upper bound: clamp_min(0), or your ElementWise.Relu.";
        }

        // b[i] added to row i (b shaped [2, 1]): x·W + that is [[-1, 4], [1, -4]], relu [[0, 4], [1, 0]].
        bool byRow = Math.Abs(actual[0]) < 1e-12 && Math.Abs(actual[1] - 4) < 1e-12 && Math.Abs(actual[2] - 1) < 1e-12 && Math.Abs(actual[3]) < 1e-12;
        return byRow
            ? " Likely cause: b was added down the columns (b[i] to every value of row i, as a b of shape [units, 1] broadcasts). b holds one value " +
              "per output unit, so it is added to every row: x.matmul(w) + b with b of shape [units]."
            : "";
    }

    [Test]
    public void A_stack_of_affine_layers_is_one_affine_layer_on_random_inputs()
    {
        var random = new Random(9);
        int[] sizes = [4, 5, 3, 2];
        var layers = new List<(Matrix W, double[] B)>();
        for (int i = 0; i + 1 < sizes.Length; i++)
        {
            layers.Add((Matrix.Random(sizes[i], sizes[i + 1], random), Matrix.RandomVector(sizes[i + 1], random)));
        }

        (Matrix w, double[] b) = LearnerCollapse(layers, 4, 2);
        Matrix inputs = Matrix.Random(20, 4, random, scale: 3);
        Matrix stacked = inputs;
        foreach ((Matrix layerW, double[] layerB) in layers)
        {
            stacked = stacked.TimesPlus(layerW, layerB);
        }

        Matrix collapsed = inputs.TimesPlus(w, b);
        Matrix withoutBias = inputs.TimesPlus(w, new double[2]);
        for (int i = 0; i < stacked.Values.Length; i++)
        {
            if (Math.Abs(collapsed.Values[i] - stacked.Values[i]) > 1e-9 * (1 + Math.Abs(stacked.Values[i])))
            {
                string cause = Math.Abs(withoutBias.Values[i] - stacked.Values[i]) < 1e-9 ? "b is zero or missing."
                    : "b must carry the earlier biases through the later weights: (x·W₁ + b₁)·W₂ + b₂ = x·(W₁·W₂) + (b₁·W₂ + b₂), " +
                      "so b = b₁·W₂ + b₂, not b₁ + b₂. Or find b numerically: it is the stack applied to the zero vector.";
                Assert.Fail($"Input {i / 2}: the stack of 3 affine layers gives {stacked.Values[i]:G9} at output {i % 2}; your single layer x·W + b " +
                            $"gives {collapsed.Values[i]:G9}. Likely cause: {cause}");
            }
        }
    }

    [Test]
    public void A_single_layer_collapses_to_itself()
    {
        var random = new Random(2);
        Matrix w1 = Matrix.Random(3, 2, random);
        double[] b1 = Matrix.RandomVector(2, random);
        (Matrix w, double[] b) = LearnerCollapse([(w1, b1)], 3, 2);
        string? table = Katas.Testing.Oracles.GradientCheck.Compare(
            [.. Enumerable.Range(0, 6).Select(i => $"W[{i / 2},{i % 2}]"), "b[0]", "b[1]"], [.. w.Values, .. b], [.. w1.Values, .. b1],
            "yours", "the layer", relative: 1e-12, absolute: 1e-12);
        Assert.That(table, Is.Null, $"One affine layer collapses to itself:\n{table}");
    }

    /// <summary>Calls the learner's Collapse and checks the shapes before anything multiplies with its result.</summary>
    private static (Matrix W, double[] B) LearnerCollapse(IReadOnlyList<(Matrix W, double[] B)> layers, int inputs, int outputs)
    {
        (Tensor W, Tensor B)[] tensors = layers.Select(layer => (layer.W.ToTensor(), torch.tensor(layer.B))).ToArray();
        (Tensor w, Tensor b) = LearnerCode.Run(() => Dense.Collapse(tensors), "Dense.Collapse");
        TensorAssert.HasShape(w, [inputs, outputs], $"The collapsed W of a stack from {inputs} inputs to {outputs} outputs");
        TensorAssert.HasShape(b, [outputs], "The collapsed b");
        return (new Matrix(inputs, outputs, TensorAssert.ToDoubles(w)), TensorAssert.ToDoubles(b));
    }
}
