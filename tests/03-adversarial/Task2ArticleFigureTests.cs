using Katas.Adversarial.Kit;
using Katas.Figures;
using Katas.Testing;
using Katas.Victims;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Adversarial.Tests;

/// <summary>
/// Task 2 on the real victim: the article's attack (4 steps of 1/255) on the first held-out cat of the pets classifier,
/// drawn as the article's strip and patch view, compared with the reference data.
/// </summary>
[KataTask(2)]
public sealed class Task2ArticleFigureTests : KataTest
{
    [Test]
    public void The_article_attack_on_a_held_out_cat_draws_the_reference_strip_and_patch()
    {
        using Victim victim = Victim.LoadPets();
        (Tensor picture, long label) = AdversarialRuns.HeldOutPicture(0);
        Assert.That(label, Is.EqualTo((long)PetClass.Cat), "The first held-out picture is a cat (even indices are cats).");
        AttackSteps run = LearnerCode.Run(() => AdversarialRuns.Article(victim, picture, (long)PetClass.Dog), "SignAttack.Run (on the pets classifier)");
        Assert.That(run.Images, Has.Count.EqualTo(5), "4 steps give 5 pictures: the original and one per step.");
        double linf = (run.Final - picture).abs().max().ToDouble() * 255;
        Assert.That(linf, Is.LessThanOrEqualTo(4 + 1e-4), $"After 4 steps of 1/255 no value may have moved more than 4 counts; the largest change is {linf:G4} counts.");
        Assert.That(run.Final.min().ToDouble() >= 0 && run.Final.max().ToDouble() <= 1, Is.True, "The adversarial picture's values must stay in [0, 1].");

        string folder = KataEnvironment.ArtifactFolder(AdversarialRuns.Kata);
        Figure strip = AdversarialFigures.Strip("The article's attack on a held-out cat: 4 steps of 1/255 toward Dog", run, 0, AdversarialRuns.PetNames);
        string stripFile = Path.Combine(folder, "strip-cat-to-dog.png");
        PictureDrawing.SaveStrip(strip, run.Images.Select(image => image[0]).ToArray(), stripFile);
        Figure patch = AdversarialFigures.Patch("The red channel of a 6 x 6 block of the held-out cat", run.Images[0][0], run.Final[0],
            AdversarialDemo.PatchCorner, AdversarialDemo.PatchCorner, "after 4 steps");
        string patchFile = Path.Combine(folder, "patch-cat-to-dog.png");
        PictureDrawing.SavePatch(patch, patchFile);
        TestContext.Out.WriteLine($"Figures: {stripFile}, {patchFile}");
        SnapshotAssert.Matches(strip, "strip-cat-to-dog", $"the article's strip (figure: {stripFile})");
        SnapshotAssert.Matches(patch, "patch-cat-to-dog", $"the patch view (figure: {patchFile})");
    }

    [Test]
    public void Two_runs_of_the_article_attack_on_the_pets_classifier_give_the_same_pictures()
    {
        using Victim victim = Victim.LoadPets();
        (Tensor picture, _) = AdversarialRuns.HeldOutPicture(1);
        AttackSteps first = LearnerCode.Run(() => AdversarialRuns.Article(victim, picture, (long)PetClass.Cat, steps: 2), "SignAttack.Run (on the pets classifier)");
        AttackSteps second = LearnerCode.Run(() => AdversarialRuns.Article(victim, picture, (long)PetClass.Cat, steps: 2), "SignAttack.Run (on the pets classifier)");
        Assert.That(TinyClassifier.Same(first.Final, second.Final), Is.True,
            "Two runs of the same attack on the pets classifier gave different pictures: in eval mode with frozen weights the attack is deterministic." +
            Frozen.TrainingModeCause(victim.Network));
        Assert.That(Frozen.ParametersWithGradient(victim.Network), Is.Null, "The attack left gradients on the pets classifier's parameters.");
    }
}
