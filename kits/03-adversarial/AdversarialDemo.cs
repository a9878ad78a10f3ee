using System.Globalization;
using Katas.Figures;
using Katas.Kits;
using Katas.Victims;
using static TorchSharp.torch;

namespace Katas.Adversarial.Kit;

/// <summary>
/// Kata 03's demo: the article's attack (4 sign steps of 1/255) on the first held-out cat, toward dog, and on the first
/// held-out dog, toward cat, with the pets classifier of src/Katas.Victims: the strip, the patch view, and the original
/// and adversarial pictures as lossless PNGs.
/// </summary>
public sealed class AdversarialDemo : IKataDemo
{
    /// <summary>The patch view's block: rows and columns 61 to 66, the middle of a 128 x 128 picture.</summary>
    public const int PatchCorner = 61;

    /// <inheritdoc />
    public string Kata => AdversarialRuns.Kata;

    /// <inheritdoc />
    public int Runs => 4;

    /// <summary>The ε grid of the demo's success curves, in counts.</summary>
    public static IReadOnlyList<double> CurveEpsilons { get; } = [0.5, 1, 2, 4, 8];

    /// <summary>Held-out pictures in the demo's success curves (half cats, half dogs).</summary>
    public const int CurvePictures = 20;

    /// <summary>Fashion-MNIST test pictures in the demo's success curves (the first of the test split; the network is fast).</summary>
    public const int FashionCurvePictures = 100;

    /// <inheritdoc />
    public IEnumerable<DemoRow> Render(string folder)
    {
        using Victim victim = Victim.LoadPets();
        foreach ((int index, string name) in new[] { (0, "cat-to-dog"), (1, "dog-to-cat") })
        {
            var files = new List<string>();
            (Tensor picture, long label) = AdversarialRuns.HeldOutPicture(index);
            long target = 1 - label;
            AttackSteps run = AdversarialRuns.Article(victim, picture, target);
            string who = $"held-out {AdversarialRuns.PetNames[(int)label].ToLowerInvariant()} (generated picture {AdversarialRuns.HeldOutFirstIndex + index} of seed {AdversarialRuns.HeldOutSeed})";
            var strip = AdversarialFigures.Strip($"The article's attack on a {who}: 4 steps of 1/255 toward {AdversarialRuns.PetNames[(int)target]}", run, 0, AdversarialRuns.PetNames);
            string stripFile = Path.Combine(folder, $"strip-{name}.png");
            PictureDrawing.SaveStrip(strip, run.Images.Select(image => image[0]).ToArray(), stripFile);
            files.Add(stripFile);
            var patch = AdversarialFigures.Patch($"The red channel of a 6 x 6 block of the {who}", run.Images[0][0], run.Final[0], PatchCorner, PatchCorner, "after 4 steps");
            string patchFile = Path.Combine(folder, $"patch-{name}.png");
            PictureDrawing.SavePatch(patch, patchFile);
            files.Add(patchFile);
            foreach ((Tensor image, string suffix) in new[] { (run.Images[0][0], "original"), (run.Final[0], "adversarial") })
            {
                string file = Path.Combine(folder, $"{name}-{suffix}.png");
                PictureDrawing.SavePng(image, file);
                files.Add(file);
            }

            string[] verdicts = run.Probabilities.Select(p => AdversarialFigures.Verdict(AdversarialRuns.PetNames, p[0].to(ScalarType.Float64).data<double>().ToArray())).ToArray();
            yield return new DemoRow(Kata, "article attack, " + name, run.Steps, string.Join(" → ", verdicts), files);
        }

        using (LabelledImages pictures = FragilityStudy.HeldOut(CurvePictures))
        using (Victim fashion = Victim.LoadFashion())
        using (LabelledImages clothes = FragilityStudy.FashionTest(FashionCurvePictures))
        {
            double[] fgsm = FragilityStudy.SuccessCurve(victim, pictures, CurveEpsilons, pgd: false);
            double[] pgd = FragilityStudy.SuccessCurve(victim, pictures, CurveEpsilons, pgd: true);
            double[] fashionFgsm = FragilityStudy.SuccessCurve(fashion, clothes, CurveEpsilons, pgd: false);
            double[] fashionPgd = FragilityStudy.SuccessCurve(fashion, clothes, CurveEpsilons, pgd: true);
            string curves = Path.Combine(folder, "epsilon-curves.png");
            FigureRenderer.SavePng(AdversarialFigures.EpsilonCurves(
                "FGSM and PGD-10 (steps of ε/4): 49,152 inputs vs 784", CurveEpsilons,
                [($"pets, FGSM ({CurvePictures} held-out)", fgsm), ("pets, PGD-10", pgd),
                 ($"Fashion-MNIST, FGSM ({FashionCurvePictures} test)", fashionFgsm), ("Fashion-MNIST, PGD-10", fashionPgd)]), curves);
            yield return new DemoRow(Kata, "FGSM and PGD-10 against ε, both victims", CurveEpsilons.Count,
                string.Create(CultureInfo.InvariantCulture,
                    $"fooled at 8/255: pets FGSM {fgsm[^1]:P0}, PGD-10 {pgd[^1]:P0}; Fashion-MNIST FGSM {fashionFgsm[^1]:P0}, PGD-10 {fashionPgd[^1]:P0}"), [curves]);
        }

        IReadOnlyList<DimensionRow> rows = DimensionStudy.Run([7, 14, 28, 56]);
        string dimensions = Path.Combine(folder, "dimensions.png");
        FigureRenderer.SavePng(AdversarialFigures.DimensionCurve("Fashion-MNIST resampled: more inputs, a smaller ε flips half", rows), dimensions);
        yield return new DemoRow(Kata, "dimension study (Fashion-MNIST)", rows.Count,
            string.Join(", ", rows.Select(row => string.Create(CultureInfo.InvariantCulture, $"{row.Side * row.Side} inputs: ε50 {row.Epsilon50:0.0}/255"))), [dimensions]);
    }
}
