using Katas.Adversarial.Kit;
using Katas.Figures;
using Katas.Testing;

namespace Katas.Adversarial.Tests;

/// <summary>
/// Task 3's FGSM in the dimension study of task 5: Fashion-MNIST resampled to several sizes, a logistic regression trained
/// per size, and the ε at which the learner's FGSM flips half of the correctly classified test pictures. More inputs,
/// smaller ε: the curve is compared with the reference data.
/// </summary>
[KataTask(3)]
public sealed class Task3DimensionCurveTests : KataTest
{
    /// <summary>Sides of the resampled pictures: 49, 196 and 784 inputs (the demo adds 56 x 56).</summary>
    private static readonly int[] Sides = [7, 14, 28];

    /// <summary>Fewer epochs than the demo's 20 keep the test at a few seconds; the trend is the same.</summary>
    private const int Epochs = 5;

    [Test]
    public void Fgsm_needs_a_smaller_epsilon_to_flip_half_the_pictures_as_the_inputs_grow()
    {
        IReadOnlyList<DimensionRow> rows = LearnerCode.Run(() => DimensionStudy.Run(Sides, epochs: Epochs),
            "GradientSignAttacks.Fgsm (in the dimension study)", TimeSpan.FromSeconds(120));
        for (int i = 0; i < rows.Count; i++)
        {
            Assert.That(rows[i].Epsilon50, Is.Not.Null,
                $"FGSM never flipped half the {rows[i].Side} x {rows[i].Side} pictures, even at 64/255: it should climb the cross-entropy of the true label, by ε as given (already in [0, 1] units: not divided by 255 again).");
            if (i > 0)
            {
                Assert.That(rows[i].Epsilon50!.Value, Is.LessThan(rows[i - 1].Epsilon50!.Value),
                    $"FGSM flipped half the pictures at {rows[i - 1].Epsilon50:0.##}/255 with {rows[i - 1].Side * rows[i - 1].Side} inputs but needed " +
                    $"{rows[i].Epsilon50:0.##}/255 with {rows[i].Side * rows[i].Side}: with more inputs a sign step moves the score further (ε‖w‖₁), so the ε should fall.");
            }
        }

        Figure figure = AdversarialFigures.DimensionCurve("Fashion-MNIST resampled: more inputs, a smaller ε flips half", rows);
        string folder = KataEnvironment.ArtifactFolder(AdversarialRuns.Kata);
        string file = Path.Combine(folder, "dimension-curve.png");
        FigureRenderer.SavePng(figure, file);
        SnapshotAssert.Matches(figure, "dimension-curve", $"the ε that flips half the pictures against the number of inputs (figure: {file})");
    }
}
