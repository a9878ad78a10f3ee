using System.Globalization;
using Katas.Testing;
using Katas.Testing.Coaching;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Adversarial.Tests;

/// <summary>Task 4: AttackMeasures: 8-bit rounding, success, the target's confidence, L∞ and L2 sizes, survival as a PNG.</summary>
[KataTask(4)]
public sealed class Task4AttackMeasuresTests : KataTest
{
    [TestCase(0.2, 0)]
    [TestCase(0.49, 0)]
    [TestCase(0.51, 1)]
    [TestCase(0.6, 1)]
    [TestCase(0.99, 1)]
    public void Quantising_rounds_each_value_to_the_nearest_count(double fraction, int up)
    {
        int[] counts = [0, 17, 128, 254];
        Tensor values = torch.tensor(counts.Select(c => (c + fraction) / 255).ToArray());
        Tensor quantised = LearnerCode.Run(() => AttackMeasures.Quantise8Bit(values), "AttackMeasures.Quantise8Bit");
        double[] expected = counts.Select(c => (double)(c + up) / 255).ToArray();
        double[] actual = TensorAssert.ToDoubles(quantised);
        string cause = actual.Zip(counts, (a, c) => Math.Abs(a - ((double)c / 255)) < 1e-9).All(down => down) && up == 1
            ? $" Every value went DOWN to its count: that is truncation (floor). A PNG stores the NEAREST count: {fraction} of a count above c is c + 1. Use round()."
            : "";
        TensorAssert.Close(quantised, expected, [counts.Length],
            string.Create(CultureInfo.InvariantCulture, $"Values {fraction} of a count above the counts {string.Join(", ", counts)}, rounded to 8 bits,{cause}"), rtol: 0, atol: 1e-12);
    }

    [Test]
    public void Quantising_leaves_the_callers_pictures_alone()
    {
        Tensor images = TinyClassifier.Images(2, seed: 41).mul(1.2).sub(0.1);
        Tensor before = images.clone();
        LearnerCode.Run(() => AttackMeasures.Quantise8Bit(images), "AttackMeasures.Quantise8Bit");
        Assert.That(TinyClassifier.Same(images, before), Is.True,
            "Quantise8Bit changed the caller's pictures. Likely cause: in-place operations (clamp_, mul_, round_, div_); the ones without the " +
            "trailing underscore return a new tensor and leave the input as it was.");
    }

    [Test]
    public void Quantising_clips_to_0_to_1_keeps_shape_and_dtype_and_gives_whole_counts([Values(ScalarType.Float32, ScalarType.Float64)] ScalarType dtype)
    {
        Tensor values = TinyClassifier.Images(2, seed: 41, low: -0.2, high: 1.2, dtype: dtype);
        Tensor quantised = LearnerCode.Run(() => AttackMeasures.Quantise8Bit(values), "AttackMeasures.Quantise8Bit");
        TensorAssert.HasShape(quantised, [2, 3, 4, 4], "The quantised pictures");
        TensorAssert.HasDtype(quantised, dtype, "The quantised pictures");
        double[] counts = TensorAssert.ToDoubles(quantised).Select(v => v * 255).ToArray();
        Assert.That(counts.Min() >= -1e-4 && counts.Max() <= 255 + 1e-4, Is.True, $"Counts span {counts.Min():G4} to {counts.Max():G4}: clip to [0, 1] first (a PNG has counts 0 to 255).");
        double off = counts.Max(c => Math.Abs(c - Math.Round(c)));
        Assert.That(off, Is.LessThan(dtype == ScalarType.Float32 ? 1e-4 : 1e-9), $"Quantised values must be whole counts over 255; one is {off:G3} of a count off.");
    }

    [Test]
    public void Success_means_the_target_is_the_most_likely_class_even_below_one_half()
    {
        // Five classes: the target can lead at p = 0.3. "p > 0.5" and "argmax = target" agree only for two classes.
        var model = TinyClassifier.Create(classes: 5);
        Tensor original = TinyClassifier.Images(6, seed: 43);
        double[][] probabilities = [.. TinyClassifier.Logits(model, original).Select(TinyClassifier.Softmax)];
        long target = Array.IndexOf(probabilities[0], probabilities[0].Max());
        Assert.That(probabilities[0][target], Is.LessThan(0.5), "(The test itself: its first picture's most likely class should lead below one half.)");
        Tensor adversarial = original.clone();
        AttackMetrics[] metrics = LearnerCode.Run(() => AttackMeasures.Measure(model, original, adversarial, target), "AttackMeasures.Measure (5 classes)");
        Assert.That(metrics, Has.Length.EqualTo(6), "One AttackMetrics per picture.");
        for (int n = 0; n < 6; n++)
        {
            double[] p = probabilities[n];
            bool leads = Array.IndexOf(p, p.Max()) == target;
            Assert.That(metrics[n].Success, Is.EqualTo(leads), string.Create(CultureInfo.InvariantCulture,
                $"Picture {n}: class {target} has p = {p[target]:0.000} and the most likely class is {Array.IndexOf(p, p.Max())} (p = {p.Max():0.000}) of 5, so " +
                $"Success is {leads}; yours is {metrics[n].Success}. ") +
                "Success means the target is the most likely class (argmax of the probabilities), not that its probability is above one half: the two " +
                "agree only when there are two classes.");
        }
    }

    [Test]
    public void The_measures_match_a_plain_loop_over_the_pictures()
    {
        var model = TinyClassifier.Create();
        Tensor original = TinyClassifier.Images(4, seed: 42);
        using var generator = new Generator(3);
        // Changes of up to 6 counts, some of them fractions of a count that an 8-bit PNG rounds away.
        Tensor change = (torch.rand(original.shape, ScalarType.Float64, generator: generator) - 0.5) * (12.0 / 255);
        Tensor adversarial = (original + change).clamp(0, 1);
        Tensor originalBefore = original.clone(), adversarialBefore = adversarial.clone();
        AttackMetrics[] metrics = LearnerCode.Run(() => AttackMeasures.Measure(model, original, adversarial, 1), "AttackMeasures.Measure");
        // Measured on pictures Measure itself changed, every figure would be off: that cause first.
        foreach ((Tensor given, Tensor before, string which) in new[] { (original, originalBefore, "original"), (adversarial, adversarialBefore, "adversarial") })
        {
            Assert.That(TinyClassifier.Same(given, before), Is.True,
                $"Measure changed the caller's {which} pictures. Likely cause: an in-place operation on them (clamp_, mul_, round_, div_: the ones with " +
                "a trailing underscore), e.g. in Quantise8Bit; quantise a copy (the operations without the underscore return a new tensor).");
        }

        Assert.That(metrics, Has.Length.EqualTo(4), "One AttackMetrics per picture.");
        string training = Frozen.TrainingModeCause(model);
        double[] linfs = Enumerable.Range(0, 4).Select(n => TinyClassifier.Row(adversarial, n).Zip(TinyClassifier.Row(original, n), (x, y) => Math.Abs(x - y)).Max() * 255).ToArray();
        double[][] logits = TinyClassifier.Logits(model, adversarial);
        Tensor rounded = (adversarial * 255).round() / 255;
        double[][] roundedLogits = TinyClassifier.Logits(model, rounded);
        for (int n = 0; n < 4; n++)
        {
            double[] a = TinyClassifier.Row(adversarial, n);
            double[] o = TinyClassifier.Row(original, n);
            double linf = a.Zip(o, (x, y) => Math.Abs(x - y)).Max() * 255;
            double l2 = Math.Sqrt(a.Zip(o, (x, y) => (x - y) * (x - y)).Sum());
            double[] p = TinyClassifier.Softmax(logits[n]);
            double[] q = TinyClassifier.Softmax(roundedLogits[n]);
            AttackMetrics m = metrics[n];
            string where = $"Picture {n}: ";
            string linfCause = Math.Abs(m.LinfIn255 - (linf / 255)) < 1e-9 ? " Likely cause: that is in [0, 1] units; a count is 1/255, so multiply by 255."
                : Math.Abs(m.LinfIn255 - linfs.Max()) < 1e-6 ? " Likely cause: that is the largest change of the whole batch; take the largest per picture (over every axis but the first)."
                : "";
            Assert.That(m.LinfIn255, Is.EqualTo(linf).Within(1e-6), where + $"L∞ in counts is the largest |change| times 255 = {linf:G6}; yours {m.LinfIn255:G6}.{linfCause}");
            Assert.That(m.L2, Is.EqualTo(l2).Within(1e-9), where + $"L2 is √(Σ change²) over every value in [0, 1] units = {l2:G6}; yours {m.L2:G6}.");
            Assert.That(m.TargetConfidence, Is.EqualTo(p[1]).Within(1e-9), where + $"the target's probability is {p[1]:G6}; yours {m.TargetConfidence:G6}.{training}");
            Assert.That(m.Success, Is.EqualTo(p[1] > p[0]), where + $"success means the most likely class is the target (p = {p[1]:0.0000}).");
            Assert.That(m.PngTargetConfidence, Is.EqualTo(q[1]).Within(1e-9),
                where + $"after rounding to 8 bits the target's probability is {q[1]:G6}; yours {m.PngTargetConfidence:G6}. Classify the QUANTISED pictures.");
            Assert.That(m.SurvivesPng, Is.EqualTo(q[1] > q[0]), where + "SurvivesPng: is the target still the most likely class after rounding to 8 bits?");
        }
    }

    // The second case holds 48 values in each batch, and [1, 3, 4, 4] and [3, 1, 4, 4] broadcast against each other: without a
    // refusal the measures would compare every picture with the wrong one, silently.
    [TestCase(2, new long[] { 1, 3, 4, 4 }, TestName = "Batches_of_different_shapes_are_an_ArgumentException_naming_both")]
    [TestCase(1, new long[] { 3, 1, 4, 4 }, TestName = "Batches_of_as_many_values_in_other_shapes_are_an_ArgumentException_too")]
    public void Batches_of_other_shapes_are_an_ArgumentException_naming_both(int pictures, long[] adversarialShape)
    {
        var model = TinyClassifier.Create();
        Tensor original = TinyClassifier.Images(pictures, seed: 43);
        Tensor adversarial = original.flatten().narrow(0, 0, adversarialShape.Aggregate(1L, (count, size) => count * size)).reshape(adversarialShape);
        string originalShape = string.Join(", ", original.shape), otherShape = string.Join(", ", adversarialShape);
        Exception? refused = LearnerCode.Run(() => Thrown.By(() => AttackMeasures.Measure(model, original, adversarial, 1)), "AttackMeasures.Measure");
        Assert.That(refused is ArgumentException && refused.Message.Contains(originalShape, StringComparison.Ordinal) && refused.Message.Contains(otherShape, StringComparison.Ordinal),
            Is.True, $"Measure with an original [{originalShape}] and an adversarial batch [{otherShape}] must throw an ArgumentException naming both shapes" +
                     (original.numel() == adversarial.numel() ? ": the same number of values in another shape is another batch (compare the shapes, not numel()); " : "; ") +
                     (refused is null ? "yours returned normally." : $"yours threw {refused.GetType().Name}: {refused.Message.Split('\n')[0]}"));
    }
}
