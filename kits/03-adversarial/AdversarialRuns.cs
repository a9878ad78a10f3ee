using Katas.Conventions;
using Katas.Victims;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Adversarial.Kit;

/// <summary>Kata 03's runs: the article's attack (and FGSM, PGD) on the pets classifier, with held-out pictures to attack.</summary>
public static class AdversarialRuns
{
    /// <summary>The kata folder.</summary>
    public static readonly string Kata = KataMetadata.KataFolderOf(typeof(AdversarialRuns).Assembly);

    /// <summary>The seed of the held-out pictures the kit attacks (never trained on: training uses indices below 1,000,000).</summary>
    public const int HeldOutSeed = 777;

    /// <summary>The index of the first held-out picture (a cat; odd indices are dogs).</summary>
    public const int HeldOutFirstIndex = 2_000_000;

    /// <summary>The pets classifier's class names by index, capitalised as the article prints them.</summary>
    public static IReadOnlyList<string> PetNames { get; } = ["Cat", "Dog"];

    /// <summary>Held-out picture <paramref name="index"/> (0 = the first) as a batch of one [1, 3, 128, 128] and its true class.</summary>
    public static (Tensor Picture, long Label) HeldOutPicture(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        using LabelledImages one = PetPictures.Generate(HeldOutSeed, HeldOutFirstIndex + index, 1);
        return (one.Images.clone(), one.Labels.ToInt64());
    }

    /// <summary>The article's attack: <paramref name="steps"/> sign steps of <paramref name="stepSize"/> toward <paramref name="target"/>.</summary>
    public static AttackSteps Article(Victim victim, Tensor picture, long target, int steps = 4, double stepSize = 1.0 / 255)
    {
        ArgumentNullException.ThrowIfNull(victim);
        return SignAttack.Run(victim.Network, picture, target, steps, stepSize);
    }

    /// <summary>The class the victim sees in each picture of a batch and its probability.</summary>
    public static (long Class, double Confidence)[] Verdicts(Tensor probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        using var scope = NewDisposeScope();
        Tensor p = probabilities.to(ScalarType.Float64);
        long[] classes = p.argmax(1).data<long>().ToArray();
        double[] confidences = p.amax([1]).data<double>().ToArray();
        return classes.Zip(confidences, (c, confidence) => (c, confidence)).ToArray();
    }
}
