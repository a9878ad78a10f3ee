using Katas.Adversarial.Kit;
using Katas.Figures;
using Katas.Testing;
using Katas.Victims;

namespace Katas.Adversarial.Tests;

/// <summary>Task 3 on the real victims: FGSM's success against ε on held-out pets pictures, FGSM's and PGD-10's on Fashion-MNIST test pictures, compared with the reference data.</summary>
[KataTask(3)]
public sealed class Task3EpsilonCurveTests : KataTest
{
    private const int Pictures = 8;

    private const int FashionPictures = 100;

    [Test]
    public void Fgsm_and_pgd_against_epsilon_on_both_victims_draw_the_reference_curves()
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

        // The second victim is small and fast: FGSM and PGD-10 on the first 100 Fashion-MNIST test pictures of the shipped subset.
        using Victim fashion = Victim.LoadFashion();
        using LabelledImages clothes = FragilityStudy.FashionTest(FashionPictures);
        double[] fashionFgsm = LearnerCode.Run(() => FragilityStudy.SuccessCurve(fashion, clothes, AdversarialDemo.CurveEpsilons, pgd: false),
            "GradientSignAttacks.Fgsm (on the Fashion-MNIST classifier)", TimeSpan.FromSeconds(60));
        double[] fashionPgd = LearnerCode.Run(() => FragilityStudy.SuccessCurve(fashion, clothes, AdversarialDemo.CurveEpsilons, pgd: true),
            "GradientSignAttacks.Pgd (on the Fashion-MNIST classifier)", TimeSpan.FromSeconds(60));
        for (int i = 0; i < fashionFgsm.Length; i++)
        {
            Assert.That(fashionPgd[i], Is.GreaterThanOrEqualTo(fashionFgsm[i] - 0.05),
                $"At ε = {AdversarialDemo.CurveEpsilons[i]}/255 PGD-10 fooled {fashionPgd[i]:P0} of the Fashion-MNIST pictures but FGSM {fashionFgsm[i]:P0}: " +
                "ten projected steps inside the same ball should fool about as many as one step, or more.");
        }

        Figure figure = AdversarialFigures.EpsilonCurves($"FGSM on {Pictures} held-out pets; FGSM and PGD-10 on {FashionPictures} Fashion-MNIST test pictures", AdversarialDemo.CurveEpsilons,
            [("pets, FGSM", fooled), ("Fashion-MNIST, FGSM", fashionFgsm), ("Fashion-MNIST, PGD-10", fashionPgd)]);
        string folder = KataEnvironment.ArtifactFolder(AdversarialRuns.Kata);
        string file = Path.Combine(folder, "fgsm-epsilon-curve.png");
        FigureRenderer.SavePng(figure, file);
        SnapshotAssert.Matches(figure, "fgsm-epsilon-curve", $"FGSM's success against ε (figure: {file})");
    }
}
