using Katas.Testing;
using Katas.Testing.Coaching;
using Katas.Testing.Oracles;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Dense.Tests;

/// <summary>Task 3: Loss.SparseCategoricalCrossEntropy and TrainingStep.Take.</summary>
[KataTask(3)]
public sealed class Task3TrainingStepTests : KataTest
{
    [Test]
    public void The_loss_is_the_mean_of_minus_log_the_true_class_probability_clipped_at_1e_7()
    {
        double[][] p = [[0.7, 0.2, 0.1], [0.1, 0.1, 0.8], [0.5, 0.5, 0.0]];
        long[] labels = [0, 1, 2];
        using Tensor probabilities = torch.tensor(p.SelectMany(row => row).ToArray(), [3, 3], dtype: ScalarType.Float64);
        using Tensor labelTensor = torch.tensor(labels);
        Tensor loss = LearnerCode.Run(() => Loss.SparseCategoricalCrossEntropy(probabilities, labelTensor), "Loss.SparseCategoricalCrossEntropy");
        TensorAssert.HasShape(loss, [], "the loss");
        double expected = (-Math.Log(0.7) - Math.Log(0.1) - Math.Log(1e-7)) / 3; // 6.2872: the zero probability counts as 1e-7
        double actual = loss.ToDouble();
        // index_select(1, labels) picks every label of the batch for every row: an m × m table, whose mean is this.
        double table = p.SelectMany(row => labels.Select(label => -Math.Log(Math.Max(row[label], 1e-7)))).Average();
        string hint = actual switch
        {
            _ when Math.Abs(actual - 3 * expected) < 1e-6 => " That is three times the mean: take the mean over the batch, not the sum.",
            _ when double.IsInfinity(actual) => " A probability of 0 gives −log 0 = ∞: clip the probabilities to at least 1e-7 first (clamp_min).",
            _ when Math.Abs(actual - table) < 1e-9 => " That is the mean over a 3 × 3 table: every row's probability at EVERY label of the batch " +
                                                        "(index_select(1, labels)). Pick each row's probability at its own label: gather(1, labels.unsqueeze(1)).",
            _ => " Pick each row's probability at its label (gather), take −log, and average.",
        };
        Assert.That(actual, Is.EqualTo(expected).Within(1e-9).Percent,
            $"For probabilities {{0.7 at the label, 0.1 at the label, 0 at the label}} the loss is (−ln 0.7 − ln 0.1 − ln 1e-7)/3 = {expected:G6}; yours is {actual:G6}.{hint}");
    }

    [Test]
    public void A_true_class_probability_of_1_costs_nothing_the_clip_is_only_from_below()
    {
        // Rows sure of their label: −log 1 = 0 exactly. The README's loss clips each probability to at least 1e-7, and nothing more.
        using Tensor probabilities = torch.tensor(new[] { 1.0, 0.0, 0.0, 0.0, 1.0, 0.0 }, [2, 3], dtype: ScalarType.Float64);
        using Tensor labels = torch.tensor(new long[] { 0, 1 });
        Tensor loss = LearnerCode.Run(() => Loss.SparseCategoricalCrossEntropy(probabilities, labels), "Loss.SparseCategoricalCrossEntropy");
        TensorAssert.HasShape(loss, [], "the loss");
        double actual = loss.ToDouble();
        Assert.That(actual, Is.EqualTo(0.0).Within(1e-12),
            $"Two rows that give their label probability 1 cost −ln 1 = 0; yours is {actual:G6}." +
            (Math.Abs(actual - 1e-7) < 1e-8
                ? " Likely cause: the probabilities are also clipped from above, to 1 − 1e-7 (Keras' own code clips both ends). This kata's loss only " +
                  "has the floor: clamp_min(1e-7), so a certain, correct prediction costs nothing and keeps its gradient."
                : ""));
    }

    [Test]
    public void The_loss_keeps_the_autograd_graph()
    {
        using Tensor logits = torch.randn(4, 3).requires_grad_();
        Tensor loss = LearnerCode.Run(() => Loss.SparseCategoricalCrossEntropy(torch.nn.functional.softmax(logits, dim: 1), torch.tensor(new long[] { 0, 1, 2, 0 })),
            "Loss.SparseCategoricalCrossEntropy");
        Assert.That(loss.requires_grad, Is.True, "The loss lost the autograd graph: compute it with tensor operations only (no .ToDouble() or new tensors from numbers in between).");
    }

    [Test]
    public void The_gradients_match_central_finite_differences_on_a_tiny_network_in_float64()
    {
        (NaiveSequential model, Tensor x, Tensor y) = Tiny();
        string? wrongLoss = WrongLoss(model, x, y);
        Assert.That(wrongLoss, Is.Null, wrongLoss);
        Oracle.Net net = Oracle.Read(model);
        double[][] rows = Oracle.Rows(x);
        long[] labels = Oracle.Longs(y);
        double[] gradient = LearnerCode.Run(() =>
        {
            Tensor loss = Loss.SparseCategoricalCrossEntropy(model.Forward(x), y);
            loss.backward();
            return model.Weights.SelectMany(w => w.grad is null ? new double[w.numel()].Select(_ => double.NaN) : TensorAssert.ToDoubles(w.grad)).ToArray();
        }, "Loss.SparseCategoricalCrossEntropy(model.Forward(x), y).backward()");
        double[] numeric = GradientCheck.CentralDifferences(flat => Oracle.Loss(net.With(flat), rows, labels), net.Flat());
        string[] names = Names(net);
        string? table = GradientCheck.Compare(names, gradient, numeric, "autograd", "finite differences", relative: 1e-5, absolute: 1e-8);
        Assert.That(table, Is.Null, "The gradients of the loss of a 5-4-3 network (ReLU, softmax) with respect to W₁, b₁, W₂, b₂ should match " +
                                   $"central finite differences of the loss computed in plain loops:\n{table}");
    }

    [Test]
    public void One_step_moves_every_weight_by_minus_the_rate_times_its_gradient()
    {
        (NaiveSequential model, Tensor x, Tensor y) = Tiny();
        string? wrongLoss = WrongLoss(model, x, y);
        Assert.That(wrongLoss, Is.Null, wrongLoss);
        Oracle.Net before = Oracle.Read(model);
        const double rate = 0.05;
        double[] gradient = GradientCheck.CentralDifferences(flat => Oracle.Loss(before.With(flat), Oracle.Rows(x), Oracle.Longs(y)), before.Flat());
        LearnerCode.Run(() => TrainingStep.Take(model, x, y, rate), "TrainingStep.Take");
        double[] expected = before.Flat().Zip(gradient, (w, g) => w - rate * g).ToArray();
        double[] after = Oracle.Read(model).Flat();
        string? table = GradientCheck.Compare(Names(before), after, expected, "after your step", "w − rate·∂loss/∂w", relative: 1e-6, absolute: 1e-9);
        Assert.That(table, Is.Null, () => $"One step at rate {rate} should move each weight against its gradient.{StepHint(before, after, gradient, rate)}\n{table}");
    }

    /// <summary>What a wrong step looks like: nothing moved, every weight moved up its gradient, or whole parameters (a b) stayed where they were.</summary>
    private static string StepHint(Oracle.Net before, double[] after, double[] gradient, double rate)
    {
        double[] start = before.Flat();
        bool Near(double actual, double expected) => Math.Abs(actual - expected) <= 1e-6 * Math.Abs(expected) + 1e-9;
        if (after.SequenceEqual(start))
        {
            return " Nothing moved: update W and b in place (sub_) under torch.no_grad().";
        }

        if (Enumerable.Range(0, after.Length).All(i => Near(after[i], start[i] + rate * gradient[i])))
        {
            return " Every weight moved by +rate·∂loss/∂w: the step climbs the loss. Subtract the gradient times the rate (w.sub_(w.grad * rate)).";
        }

        string[] names = Names(before);
        string[] unmoved = [.. Enumerable.Range(0, after.Length).GroupBy(i => names[i].Split('[')[0])
            .Where(parameter => parameter.All(i => after[i] == start[i] && gradient[i] != 0)).Select(parameter => parameter.Key)];
        return unmoved.Length > 0
            ? $" {string.Join(", ", unmoved)} did not move at all: does the step update every tensor of model.Weights, and does Weights list every layer's W and b?"
            : "";
    }

    [Test]
    public void The_step_returns_the_loss_before_the_update_and_a_second_step_lowers_it_on_the_same_batch()
    {
        (NaiveSequential model, Tensor x, Tensor y) = Tiny();
        string? wrongLoss = WrongLoss(model, x, y);
        Assert.That(wrongLoss, Is.Null, wrongLoss);
        double expected = Oracle.Loss(Oracle.Read(model), Oracle.Rows(x), Oracle.Longs(y));
        (double first, double second) = LearnerCode.Run(() => (TrainingStep.Take(model, x, y, 0.05), TrainingStep.Take(model, x, y, 0.05)), "TrainingStep.Take (twice)");
        Assert.That(first, Is.EqualTo(expected).Within(1e-9).Percent, $"Take should return the batch's loss before the update ({expected:G8}); it returned {first:G8}.");
        Assert.That(second, Is.LessThan(first), $"A small step should lower the loss on the same batch, but it went from {first:G8} to {second:G8}.");
    }

    [Test]
    public void The_gradients_are_reset_so_each_step_uses_only_its_own_batch()
    {
        (NaiveSequential model, Tensor x, Tensor y) = Tiny();
        string? wrongLoss = WrongLoss(model, x, y);
        Assert.That(wrongLoss, Is.Null, wrongLoss);
        const double rate = 0.05;
        LearnerCode.Run(() => TrainingStep.Take(model, x, y, rate), "TrainingStep.Take");
        Oracle.Net middle = Oracle.Read(model);
        double[] gradient = GradientCheck.CentralDifferences(flat => Oracle.Loss(middle.With(flat), Oracle.Rows(x), Oracle.Longs(y)), middle.Flat());
        LearnerCode.Run(() => TrainingStep.Take(model, x, y, rate), "TrainingStep.Take");
        double[] after = Oracle.Read(model).Flat();
        double[] expected = middle.Flat().Zip(gradient, (w, g) => w - rate * g).ToArray();
        int worst = Enumerable.Range(0, after.Length).MaxBy(i => Math.Abs(after[i] - expected[i]));
        if (Math.Abs(after[worst] - expected[worst]) > 1e-6 * Math.Max(1e-3, Math.Abs(expected[worst])))
        {
            double used = (middle.Flat()[worst] - after[worst]) / rate;
            Assert.Fail(Coach.GradientsAccumulated(Names(middle)[worst], gradient[worst], used).Message);
        }

        Assert.That(model.Weights.All(w => w.grad is null || TensorAssert.ToDoubles(w.grad).All(g => g == 0)), Is.True,
            "After the step every .grad should be zero (w.grad.zero_() under no_grad): backward() adds to what is there.");
    }

    [Test]
    public void The_weights_change_in_place_and_stay_trainable_leaves()
    {
        (NaiveSequential model, Tensor x, Tensor y) = Tiny();
        Tensor[] before = [.. model.Weights];
        LearnerCode.Run(() => TrainingStep.Take(model, x, y, 0.05), "TrainingStep.Take");
        Assert.Multiple(() =>
        {
            Assert.That(model.Weights, Is.EqualTo(before), "The step replaced the weight tensors: update them in place (w.sub_(...)) so the layers keep them.");
            Assert.That(model.Weights.All(w => w.requires_grad && w.is_leaf), Is.True,
                "After the step a weight is no longer a trainable leaf: the update was recorded by autograd. Wrap it in using (torch.no_grad()) { ... }.");
        });
    }

    /// <summary>
    /// The step and gradient tests go through the loss: when the learner's loss itself is wrong on the batch, that is the cause to
    /// name, not the update rule. The loss is given the oracle's probabilities for the batch, so only the loss is judged. Null when
    /// it agrees with the oracle's loss.
    /// </summary>
    private static string? WrongLoss(NaiveSequential model, Tensor x, Tensor y)
    {
        double[][] probabilities = Oracle.Forward(Oracle.Read(model), Oracle.Rows(x));
        long[] labels = Oracle.Longs(y);
        double expected = Oracle.CrossEntropy(probabilities, labels);
        double actual = LearnerCode.Run(() =>
        {
            using var scope = torch.NewDisposeScope();
            Tensor p = torch.tensor(probabilities.SelectMany(row => row).ToArray(), [probabilities.Length, probabilities[0].Length], dtype: ScalarType.Float64);
            return Loss.SparseCategoricalCrossEntropy(p, torch.tensor(labels)).ToDouble();
        }, "Loss.SparseCategoricalCrossEntropy");
        return Math.Abs(actual - expected) <= 1e-9 * Math.Max(1, Math.Abs(expected))
            ? null
            : $"Your Loss.SparseCategoricalCrossEntropy gives {actual:G8} on this batch, where the mean of −log p at the labels is {expected:G8}: " +
              "the step and its gradients follow from the loss, so fix the loss first (the test " +
              $"{nameof(The_loss_is_the_mean_of_minus_log_the_true_class_probability_clipped_at_1e_7)} says how it differs).";
    }

    /// <summary>A 5-4-3 float64 network (ReLU, softmax) built with your NaiveDense, and a batch of 6 random inputs with labels.</summary>
    internal static (NaiveSequential Model, Tensor X, Tensor Y) Tiny()
    {
        var generator = new Generator(17);
        NaiveSequential model = LearnerCode.Run(() => new NaiveSequential(
        [
            new NaiveDense(5, 4, z => torch.nn.functional.relu(z), generator, ScalarType.Float64),
            new NaiveDense(4, 3, z => torch.nn.functional.softmax(z, dim: 1), generator, ScalarType.Float64),
        ]), "new NaiveSequential of two float64 NaiveDense layers");
        using (torch.no_grad())
        {
            // Weights of both signs, so some hidden units are off and the gradient check meets ReLU's both sides.
            model.Layers[0].W.copy_(torch.randn(5, 4, dtype: ScalarType.Float64, generator: generator));
            model.Layers[1].W.copy_(torch.randn(4, 3, dtype: ScalarType.Float64, generator: generator));
            model.Layers[0].B.copy_(torch.randn(4, dtype: ScalarType.Float64, generator: generator) * 0.1);
        }

        Tensor x = torch.randn(6, 5, dtype: ScalarType.Float64, generator: generator);
        Tensor y = torch.tensor(new long[] { 0, 1, 2, 2, 1, 0 });
        return (model, x, y);
    }

    private static string[] Names(Oracle.Net net)
    {
        var names = new List<string>();
        for (int i = 0; i < net.W1.GetLength(0); i++) { for (int j = 0; j < net.W1.GetLength(1); j++) { names.Add($"W1[{i},{j}]"); } }
        names.AddRange(net.B1.Select((_, j) => $"b1[{j}]"));
        for (int i = 0; i < net.W2.GetLength(0); i++) { for (int j = 0; j < net.W2.GetLength(1); j++) { names.Add($"W2[{i},{j}]"); } }
        names.AddRange(net.B2.Select((_, j) => $"b2[{j}]"));
        return [.. names];
    }
}
