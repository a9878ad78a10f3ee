using System.Globalization;
using Katas.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Adversarial.Tests;

/// <summary>Task 5: LinearScore, why many inputs make a network fragile: one sign step of ε changes w·x by exactly ε‖w‖₁.</summary>
[KataTask(5)]
public sealed class Task5LinearScoreTests : KataTest
{
    [TestCase(49)]
    [TestCase(784)]
    [TestCase(49_152)]
    public void One_sign_step_changes_a_linear_score_by_epsilon_times_the_l1_norm(int inputs)
    {
        using var generator = new Generator((ulong)inputs);
        Tensor w = torch.randn([inputs], ScalarType.Float64, generator: generator);
        Tensor x = torch.rand([inputs], ScalarType.Float64, generator: generator);
        Tensor before = x.clone();
        const double epsilon = 1.0 / 255;
        double change = LearnerCode.Run(() => LinearScore.SignStepChange(w, x, epsilon), "LinearScore.SignStepChange");
        double l1 = TensorAssert.ToDoubles(w).Sum(Math.Abs);
        Assert.That(change, Is.EqualTo(epsilon * l1).Within(1e-9 * l1), string.Create(CultureInfo.InvariantCulture,
            $"With {inputs} inputs one sign step of 1/255 up w·x changes it by ε·Σ|wᵢ| = {epsilon * l1:G10}; yours {change:G10}. ") +
            (Math.Abs(change + (epsilon * l1)) < 1e-6 * l1 ? "Yours is its negative: the step went down the score; go up: x + ε·sign(∂s/∂x)." : ""));
        Assert.That(TinyClassifier.Same(x, before), Is.True, "SignStepChange changed the caller's x: differentiate and step a copy.");
        double predicted = LearnerCode.Run(() => LinearScore.PredictedChange(w, epsilon), "LinearScore.PredictedChange");
        double l2 = Math.Sqrt(TensorAssert.ToDoubles(w).Sum(v => v * v));
        Assert.That(predicted, Is.EqualTo(epsilon * l1).Within(1e-9 * l1), $"PredictedChange is ε·Σ|wᵢ| = {epsilon * l1:G10}; yours {predicted:G10}." +
            (Math.Abs(predicted - (epsilon * l2)) < 1e-9 * l1 ? " Likely cause: that is ε times the L2 norm (w.norm()); a sign step moves every input by ε, so the score " +
                                                               "changes by ε·Σ|wᵢ|, the L1 norm (w.abs().sum())." : ""));
    }

    [Test]
    public void The_change_of_one_step_grows_in_proportion_to_the_number_of_inputs()
    {
        // Weights of the same typical size at every input count: E|w| = 0.1·√(2/π), so ε‖w‖₁ ≈ ε·0.08·n.
        int[] sizes = [49, 196, 784, 3136, 49_152];
        double[] changes = sizes.Select(n =>
        {
            using var generator = new Generator(77);
            Tensor w = torch.randn([n], ScalarType.Float64, generator: generator) * 0.1;
            Tensor x = torch.rand([n], ScalarType.Float64, generator: generator);
            return LearnerCode.Run(() => LinearScore.SignStepChange(w, x, 1.0 / 255), "LinearScore.SignStepChange");
        }).ToArray();
        string table = string.Join(", ", sizes.Zip(changes, (n, c) => string.Create(CultureInfo.InvariantCulture, $"{n} inputs: {c:0.000}")));
        for (int i = 0; i < sizes.Length; i++)
        {
            double perInput = changes[i] * 255 / sizes[i];
            Assert.That(perInput, Is.EqualTo(0.1 * Math.Sqrt(2 / Math.PI)).Within(0.25 * 0.1 * Math.Sqrt(2 / Math.PI)),
                $"One step of 1/255 on a score with weights of typical size 0.1 should change it by about 0.08/255 per input; the changes were {table}.");
        }

        Assert.That(changes[^1] / changes[0], Is.GreaterThan(500), $"From 49 to 49,152 inputs the change should grow about 1000 times; {table}.");
    }
}
