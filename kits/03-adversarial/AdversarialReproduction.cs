using Katas.Kits;
using Katas.Victims;
using static TorchSharp.torch;

namespace Katas.Adversarial.Kit;

/// <summary>
/// Kata 03's rows of `katas reproduce`: the article's attack (4 steps of 1/255 against the sign of the gradient of the
/// probability gap, clipped to [0, 1]) in its two directions, next to the article's printed verdicts. The setting is the
/// article's; the victim is ours (the pets classifier trained on generated pictures), not the article's Kaggle network.
/// </summary>
public sealed class AdversarialReproduction : IKataReproduction
{
    /// <summary>The article's printed verdicts, cat to dog, before and after each of its 4 iterations.</summary>
    public static IReadOnlyList<string> ArticleCatToDog { get; } = ["Cat 99.0%", "Cat 67.3%", "Dog 71.7%", "Dog 94.3%", "Dog 99.4%"];

    /// <summary>The article's printed verdicts, dog to cat.</summary>
    public static IReadOnlyList<string> ArticleDogToCat { get; } = ["Dog 98.4%", "Dog 83.9%", "Dog 54.6%", "Cat 90.4%", "Cat 99.8%"];

    /// <inheritdoc />
    public string Kata => AdversarialRuns.Kata;

    /// <inheritdoc />
    public IEnumerable<ReproducedTable> Reproduce()
    {
        using Victim victim = Victim.LoadPets();
        var rows = new List<IReadOnlyList<string>>();
        foreach ((int index, string name, IReadOnlyList<string> article) in new[] { (0, "cat to dog", ArticleCatToDog), (1, "dog to cat", ArticleDogToCat) })
        {
            (Tensor picture, long label) = AdversarialRuns.HeldOutPicture(index);
            AttackSteps run = AdversarialRuns.Article(victim, picture, 1 - label);
            string[] ours = run.Probabilities.Select(p => AdversarialFigures.Verdict(AdversarialRuns.PetNames, p[0].to(ScalarType.Float64).data<double>().ToArray())).ToArray();
            rows.Add([name + " (article)", .. article]);
            rows.Add([name + $" (ours: held-out picture {index})", .. ours]);
        }

        yield return new ReproducedTable(
            "The article's attack: 4 steps of 1/255 against the sign of the gradient of p_other - p_target, clipped to [0, 1]",
            ["run", "original", "step 1", "step 2", "step 3", "step 4"], rows,
            "the article's victim is a Kaggle dogs-vs-cats CNN on a photograph; ours is the same architecture (with global average pooling) " +
            "trained on generated pictures (docs/victims.md), attacked on the first held-out cat and dog.");
    }
}
