using Katas.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Dense.Tests;

/// <summary>Task 1: NaiveDense and NaiveSequential.</summary>
[KataTask(1)]
public sealed class Task1LayersTests : KataTest
{
    [Test]
    public void A_layer_has_W_of_shape_inputs_by_units_and_b_of_shape_units_both_trainable_leaves()
    {
        NaiveDense layer = LearnerCode.Run(() => new NaiveDense(7, 3, x => x, new Generator(1)), "new NaiveDense(7, 3, ...)");
        Assert.That(layer.W is { IsInvalid: false } && layer.W.shape.SequenceEqual(new long[] { 3, 7 }), Is.False,
            "W of NaiveDense(7 inputs, 3 units) has shape [3, 7], [units, inputs]: that is nn.Linear's layout, which multiplies by Wᵀ. The book's " +
            "dense layer (and this task) keeps W as [inputs, units], so Forward is x·W with no transpose.");
        TensorAssert.HasShape(layer.W, [7, 3], "W of NaiveDense(7 inputs, 3 units)");
        TensorAssert.HasShape(layer.B, [3], "b of NaiveDense(7 inputs, 3 units)");
        Assert.Multiple(() =>
        {
            Assert.That(layer.W.dtype, Is.EqualTo(ScalarType.Float32), "W should be float32 unless a dtype is given.");
            Assert.That(layer.W.requires_grad && layer.B.requires_grad, Is.True,
                "W and b must require grad, or backward() computes no gradient for them: call .requires_grad_() after creating them.");
            Assert.That(layer.W.is_leaf && layer.B.is_leaf, Is.True,
                "W and b must be leaves of the graph (created, then .requires_grad_()); a leaf made by an operation after " +
                "requires_grad (e.g. torch.rand(..., requires_grad: true) * 0.1) gets no .grad.");
            Assert.That(layer.Weights, Is.EqualTo(new[] { layer.W, layer.B }), "Weights should be [W, b], in that order.");
        });
        var float64 = LearnerCode.Run(() => new NaiveDense(2, 2, x => x, new Generator(1), ScalarType.Float64), "new NaiveDense(..., Float64)");
        Assert.That(float64.W.dtype == ScalarType.Float64 && float64.B.dtype == ScalarType.Float64, Is.True, "With dtype Float64, W and b should be float64.");
    }

    [Test]
    public void W_starts_uniform_between_0_and_0_1_and_b_at_zero()
    {
        NaiveDense layer = LearnerCode.Run(() => new NaiveDense(784, 512, x => x, new Generator(3)), "new NaiveDense(784, 512, ...)");
        double[] w = TensorAssert.ToDoubles(layer.W);
        double mean = w.Average();
        double sd = Math.Sqrt(w.Average(v => (v - mean) * (v - mean)));
        // For uniform [0, 0.1): mean 0.05, standard deviation 0.1/√12 = 0.02887; with 401,408 draws both are within 1e-3.
        Assert.Multiple(() =>
        {
            Assert.That(w.Min() >= 0 && w.Max() <= 0.1, Is.True,
                $"W should lie in [0, 0.1] (the book's tf.random.uniform(minval=0, maxval=1e-1)); yours spans [{w.Min():G4}, {w.Max():G4}].");
            Assert.That(mean, Is.EqualTo(0.05).Within(1e-3),
                $"The mean of W should be 0.05 for uniform [0, 0.1); yours is {mean:G4}." + (w.All(v => v == 0) ? " W is all zeros: every unit would compute the same thing and stay identical." : ""));
            Assert.That(sd, Is.EqualTo(0.1 / Math.Sqrt(12)).Within(1e-3),
                $"The spread of W should be that of uniform [0, 0.1): standard deviation {0.1 / Math.Sqrt(12):G4}; yours is {sd:G4}.");
            Assert.That(TensorAssert.ToDoubles(layer.B).All(v => v == 0), Is.True, "b should start at zero.");
        });
    }

    [Test]
    public void The_same_seed_gives_the_same_weights_and_another_seed_other_weights()
    {
        double[] first = LearnerCode.Run(() => TensorAssert.ToDoubles(new NaiveDense(20, 5, x => x, new Generator(11)).W), "new NaiveDense");
        double[] again = LearnerCode.Run(() => TensorAssert.ToDoubles(new NaiveDense(20, 5, x => x, new Generator(11)).W), "new NaiveDense");
        double[] other = LearnerCode.Run(() => TensorAssert.ToDoubles(new NaiveDense(20, 5, x => x, new Generator(12)).W), "new NaiveDense");
        Assert.That(again, Is.EqualTo(first), "Two layers made with Generator(11) should start with the same W: draw W with the generator you were given (torch.rand(..., generator: generator)).");
        Assert.That(other, Is.Not.EqualTo(first), "Layers made with Generator(11) and Generator(12) start with the same W: draw W with the generator you were given.");
    }

    [Test]
    public void Forward_is_the_activation_of_inputs_times_W_plus_b()
    {
        using Tensor x = torch.randn(6, 4, dtype: ScalarType.Float64);
        var seen = new List<long[]>();
        (NaiveDense layer, Tensor output) = LearnerCode.Run(() =>
        {
            var dense = new NaiveDense(4, 3, z => { seen.Add(z.shape); return z.tanh(); }, new Generator(5), ScalarType.Float64);
            using (torch.no_grad())
            {
                dense.B.copy_(torch.tensor(new[] { 0.5, -1.0, 2.0 }, dtype: ScalarType.Float64));
            }

            return (dense, dense.Forward(x));
        }, "NaiveDense.Forward");
        using Tensor expected = torch.tanh(x.matmul(layer.W) + layer.B);
        TensorAssert.Close(output, TensorAssert.ToDoubles(expected), [6, 3], "Forward(x) against tanh(x · W + b)", rtol: 1e-12, atol: 1e-12);
        Assert.That(seen, Has.Count.EqualTo(1), $"Forward should apply the activation once; it was applied {seen.Count} times.");
    }

    [Test]
    public void The_books_network_is_784_512_10_with_407050_parameters()
    {
        NaiveSequential model = LearnerCode.Run(() => NaiveSequential.BookNetwork(new Generator(1)), "NaiveSequential.BookNetwork");
        Assert.That(model.Layers, Has.Count.EqualTo(2), $"The book's network has two layers; yours has {model.Layers.Count}.");
        TensorAssert.HasShape(model.Layers[0].W, [784, 512], "W of the first layer");
        TensorAssert.HasShape(model.Layers[1].W, [512, 10], "W of the second layer");
        long count = model.Weights.Sum(w => w.numel());
        Assert.That(model.Weights, Has.Count.EqualTo(4), "Weights should list W₁, b₁, W₂, b₂.");
        Assert.That(count, Is.EqualTo(407_050L), $"784·512 + 512 + 512·10 + 10 = 407,050 parameters; yours has {count:N0}.");
    }

    [Test]
    public void The_books_network_outputs_a_distribution_over_ten_classes_for_each_image()
    {
        using Tensor images = torch.rand(5, 784);
        Tensor output = LearnerCode.Run(() => NaiveSequential.BookNetwork(new Generator(2)).Forward(images), "NaiveSequential.BookNetwork(...).Forward");
        TensorAssert.HasShape(output, [5, 10], "the output for 5 images");
        double[] sums = TensorAssert.ToDoubles(output.sum(dim: 1));
        double[] values = TensorAssert.ToDoubles(output);
        Assert.That(values.Any(double.IsNaN), Is.False,
            "The output holds NaN. Likely cause: softmax written by hand as exp(x) / Σ exp(x): the book network's logits are hundreds apart, exp " +
            "of them overflows float32 to ∞, and ∞/∞ is NaN. Use torch.nn.functional.softmax(x, dim: 1), which subtracts each row's largest " +
            "logit first (or do that yourself).");
        Assert.That(values.All(v => v >= 0), Is.True, "Probabilities can't be negative: the second layer's activation is softmax.");
        for (int i = 0; i < sums.Length; i++)
        {
            Assert.That(sums[i], Is.EqualTo(1).Within(1e-5),
                $"Each image's ten outputs are probabilities and sum to one; image {i}'s sum to {sums[i]:G6}. Softmax over dim 1 (each row), not over the batch (dim 0).");
        }
    }

    [Test]
    public void The_weights_outlive_the_dispose_scope_the_network_was_made_in()
    {
        NaiveSequential model = LearnerCode.Run(() =>
        {
            using var scope = torch.NewDisposeScope();
            return NaiveSequential.BookNetwork(new Generator(1));
        }, "NaiveSequential.BookNetwork inside a DisposeScope");
        Assert.That(model.Weights.All(w => !w.IsInvalid), Is.True,
            "The weights were disposed with the DisposeScope the network was created in. Call .DetachFromDisposeScope() on W and b: they belong to the layer.");
    }
}
