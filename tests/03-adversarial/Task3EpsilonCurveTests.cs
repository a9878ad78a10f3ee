using Katas.Adversarial.Kit;
using Katas.Figures;
using Katas.Testing;
using Katas.Victims;

namespace Katas.Adversarial.Tests;

/// <summary>Task 3 on the real victim: FGSM's success against ε on held-out pictures of the pets classifier, compared with the reference data.</summary>
[KataTask(3)]
public sealed class Task3EpsilonCurveTests : KataTest
{
    private const int Pictures = 8;

    [Test]
    public void Fgsm_against_epsilon_on_held_out_pets_draws_the_reference_curve()
    {
        using Victim victim = Victim.LoadPets();
        using LabelledImages pictures = FragilityStudy.HeldOut(Pictures);
        double[] fooled = LearnerCode.Run(() => FragilityStudy.SuccessCurve(victim, pictures, AdversarialDemo.CurveEpsilons, pgd: false),
            "GradientSignAttacks.Fgsm (on the pets classifier)", TimeSpan.FromSeconds(60));
        for (int i = 1; i < fooled.Length; i++)
        {
            Assert.That(fooled[i], Is.GreaterThanOrEqualTo(fooled[i - 1] - (1.0 / Pictures)),
                $"FGSM fooled {fooled[i - 1]:P0} at ε = {AdversarialDemo.CurveEpsilons[i - 1]}/255 but only {fooled[i]:P0} at {AdversarialDemo.CurveEpsilons[i]}/255: " +
                "a larger step up the cross-entropy should fool at least about as many.");
        }

        Figure figure = AdversarialFigures.EpsilonCurves($"FGSM on {Pictures} held-out pictures of the pets classifier", AdversarialDemo.CurveEpsilons, [("FGSM", fooled)]);
        string folder = KataEnvironment.ArtifactFolder(AdversarialRuns.Kata);
        Directory.CreateDirectory(folder);
        string file = Path.Combine(folder, "fgsm-epsilon-curve.png");
        FigureRenderer.SavePng(figure, file);
        SnapshotAssert.Matches(figure, "fgsm-epsilon-curve", $"FGSM's success against ε (figure: {file})");
    }
}
