using System.Diagnostics;
using Katas.Victims;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Adversarial.Kit;

/// <summary>How many of a set of pictures the article's attack flips after each step, toward one target class.</summary>
/// <param name="Target">The class the attack aims at.</param>
/// <param name="Pictures">How many pictures of the other class were attacked.</param>
/// <param name="Confident">Per step count k (index k - 1): how many reached at least 99% in the target class.</param>
/// <param name="Flipped">Per step count k: how many the victim classified as the target.</param>
/// <param name="LargestChange255">The largest change of any value after the last step, in counts.</param>
/// <param name="AllInRange">Every value of every attacked picture stayed in [0, 1].</param>
/// <param name="Seconds">Wall time of the attack.</param>
public sealed record SignAttackRates(long Target, int Pictures, int[] Confident, int[] Flipped, double LargestChange255, bool AllInRange, double Seconds);

/// <summary>FGSM or PGD at one ε on a set of pictures: the victim's accuracy before and after.</summary>
/// <param name="Method">"FGSM" or "PGD-10".</param>
/// <param name="Epsilon255">ε in counts.</param>
/// <param name="CleanAccuracy">Share classified right before the attack.</param>
/// <param name="AttackedAccuracy">Share still classified right after it.</param>
/// <param name="Seconds">Wall time of the attack.</param>
public sealed record EpsilonRow(string Method, double Epsilon255, double CleanAccuracy, double AttackedAccuracy, double Seconds);

/// <summary>
/// The measurements behind the fragility figures of docs/03-adversarial.md: the article's attack on held-out pictures
/// in both directions, and FGSM and PGD at several ε, with the implementation the kit is built against.
/// </summary>
public static class FragilityStudy
{
    /// <summary>
    /// Pictures per batch. A forward and backward pass of the pets network holds about 40 MB per picture (its first
    /// block's activations alone are 2 MB per picture per layer); batches of 25 took the attack bench to a peak of
    /// 1,068 MiB, over the 1 GiB it must stay under, and batches of 10 to 865 MiB, with about the same pictures per second.
    /// </summary>
    public const int Batch = 10;

    /// <summary>The first <paramref name="count"/> pictures of Fashion-MNIST's test split (the shipped subset unless KATAS_FASHION_MNIST_DIR says otherwise), [N, 1, 28, 28].</summary>
    public static LabelledImages FashionTest(int count)
    {
        Katas.Data.ImageDataset test = Katas.Data.FashionMnist.Load(Katas.Data.DataSplit.Test, limit: count);
        using Tensor floats = test.ImagesAsFloats();
        Tensor images = floats.unsqueeze(1);
        return new LabelledImages(images, test.LabelsAsLong(), Enumerable.Range(0, test.Count).Select(i => $"test {i}").ToArray());
    }

    /// <summary>The held-out pictures 0 to <paramref name="count"/> - 1 (seed <see cref="AdversarialRuns.HeldOutSeed"/>), half cats, half dogs.</summary>
    public static LabelledImages HeldOut(int count) => PetPictures.Generate(AdversarialRuns.HeldOutSeed, AdversarialRuns.HeldOutFirstIndex, count);

    /// <summary>
    /// The article's attack (steps of 1/255) for <paramref name="steps"/> steps on every picture of <paramref name="pictures"/> whose
    /// true class is not <paramref name="target"/>, counting after each step how many reached 99% and how many flipped.
    /// </summary>
    public static SignAttackRates SignAttack(Victim victim, LabelledImages pictures, long target, int steps)
    {
        ArgumentNullException.ThrowIfNull(victim);
        ArgumentNullException.ThrowIfNull(pictures);
        // The labels read once: indexing the tensor per picture would make (and leak) a tensor each time.
        long[] labels = pictures.Labels.data<long>().ToArray();
        long[] chosen = Enumerable.Range(0, pictures.Count).Where(i => labels[i] != target).Select(i => (long)i).ToArray();
        int[] confident = new int[steps];
        int[] flipped = new int[steps];
        double largest = 0;
        bool inRange = true;
        GlibcMalloc.ReturnFreedMemory();
        var clock = Stopwatch.StartNew();
        for (int start = 0; start < chosen.Length; start += Batch)
        {
            using var scope = NewDisposeScope();
            Tensor batch = pictures.Images.index_select(0, torch.tensor(chosen.Skip(start).Take(Batch).ToArray()));
            AttackSteps run = Adversarial.SignAttack.Run(victim.Network, batch, target, steps);
            for (int k = 1; k <= steps; k++)
            {
                Tensor p = run.Probabilities[k][TensorIndex.Colon, target];
                confident[k - 1] += (int)p.ge(0.99).sum().ToInt64();
                flipped[k - 1] += (int)run.Probabilities[k].argmax(1).eq(target).sum().ToInt64();
            }

            largest = Math.Max(largest, (run.Final - batch).abs().max().ToDouble() * 255);
            inRange &= run.Final.min().ToDouble() >= 0 && run.Final.max().ToDouble() <= 1;
        }

        return new SignAttackRates(target, chosen.Length, confident, flipped, largest, inRange, clock.Elapsed.TotalSeconds);
    }

    /// <summary>FGSM, or PGD with 10 steps of ε/4, at ε = <paramref name="epsilon255"/>/255 on every picture: accuracy before and after.</summary>
    public static EpsilonRow Untargeted(Victim victim, LabelledImages pictures, double epsilon255, bool pgd)
    {
        ArgumentNullException.ThrowIfNull(victim);
        ArgumentNullException.ThrowIfNull(pictures);
        double epsilon = epsilon255 / 255;
        long clean = 0;
        long attacked = 0;
        GlibcMalloc.ReturnFreedMemory();
        var clock = Stopwatch.StartNew();
        for (int start = 0; start < pictures.Count; start += Batch)
        {
            using var scope = NewDisposeScope();
            int length = Math.Min(Batch, pictures.Count - start);
            Tensor batch = pictures.Images.narrow(0, start, length);
            Tensor labels = pictures.Labels.narrow(0, start, length);
            Tensor adversarial = pgd
                ? GradientSignAttacks.Pgd(victim.Network, batch, labels, epsilon, epsilon / 4, 10)
                : GradientSignAttacks.Fgsm(victim.Network, batch, labels, epsilon);
            using var noGrad = torch.no_grad();
            clean += victim.Logits(batch).argmax(1).eq(labels).sum().ToInt64();
            attacked += victim.Logits(adversarial).argmax(1).eq(labels).sum().ToInt64();
        }

        return new EpsilonRow(pgd ? "PGD-10" : "FGSM", epsilon255, (double)clean / pictures.Count, (double)attacked / pictures.Count, clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// The share of <paramref name="pictures"/> no longer classified as their true class after FGSM (or PGD-10 with steps
    /// of ε/4) at each ε of <paramref name="epsilons255"/> (in counts).
    /// </summary>
    public static double[] SuccessCurve(Victim victim, LabelledImages pictures, IReadOnlyList<double> epsilons255, bool pgd) =>
        epsilons255.Select(epsilon => 1 - Untargeted(victim, pictures, epsilon, pgd).AttackedAccuracy).ToArray();
}
