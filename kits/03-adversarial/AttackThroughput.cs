using System.Diagnostics;
using Katas.Victims;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Adversarial.Kit;

/// <summary>One timed pass of an attack over a set of pictures.</summary>
/// <param name="Seconds">Wall time.</param>
/// <param name="CpuSeconds">CPU time of the thread.</param>
/// <param name="Check">After the attack: pictures classified as the target (sign attack) or still as labelled (FGSM, PGD): the same on both sides when they do the same work.</param>
public sealed record AttackTiming(double Seconds, double CpuSeconds, int Check);

/// <summary>
/// Times the implementation's attacks over a victim's pictures in batches of <see cref="FragilityStudy.Batch"/>, as
/// pytorch/attacks.py does the same in PyTorch: only the attack calls are timed, not the counting afterwards. A quick attack
/// is timed over several passes, so that a round lasts long enough to measure (<see cref="ThroughputTable.PassesFor"/>).
/// </summary>
public static class AttackThroughput
{
    /// <summary>The article's number of steps for the sign attack.</summary>
    public const int SignSteps = 4;

    /// <summary>FGSM's and PGD's ε, in counts.</summary>
    public const double Epsilon255 = 8;

    /// <summary>PGD's steps.</summary>
    public const int PgdSteps = 10;

    /// <summary>The name of <paramref name="method"/> in tables.</summary>
    public static string Name(AttackMethod method) => method switch
    {
        AttackMethod.Sign => $"sign attack, {SignSteps} steps of 1/255",
        AttackMethod.Fgsm => $"FGSM, ε = {Epsilon255}/255",
        _ => $"PGD-{PgdSteps}, ε = {Epsilon255}/255, steps of ε/4",
    };

    /// <summary>
    /// Runs <paramref name="method"/> on every picture (toward <paramref name="target"/> for the sign attack)
    /// <paramref name="passes"/> times over and times it all; the check counts the last pass's pictures.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="passes"/> below 1.</exception>
    public static AttackTiming Run(Victim victim, LabelledImages pictures, AttackMethod method, long target, int passes = 1)
    {
        ArgumentNullException.ThrowIfNull(victim);
        ArgumentNullException.ThrowIfNull(pictures);
        ArgumentOutOfRangeException.ThrowIfLessThan(passes, 1);
        const double epsilon = Epsilon255 / 255;
        var attacked = new List<(Tensor Images, Tensor Labels)>();
        using var scope = torch.NewDisposeScope();
        GlibcMalloc.ReturnFreedMemory();
        double cpu = Katas.Kits.ThreadClock.Seconds();
        var clock = Stopwatch.StartNew();
        for (int pass = 0; pass < passes; pass++)
        {
            // Only the last pass's pictures are kept for the check: a pass's scope frees the ones before.
            using var passScope = torch.NewDisposeScope();
            attacked.Clear();
            for (int start = 0; start < pictures.Count; start += FragilityStudy.Batch)
            {
                int length = Math.Min(FragilityStudy.Batch, pictures.Count - start);
                Tensor labels = pictures.Labels.narrow(0, start, length);
                // A batch's scope frees what the attack made beside its result (the sign attack's earlier steps), as
                // PyTorch frees them when the call returns.
                using var batchScope = torch.NewDisposeScope();
                Tensor images = pictures.Images.narrow(0, start, length);
                Tensor result = method switch
                {
                    AttackMethod.Sign => SignAttack.Run(victim.Network, images, target, SignSteps).Final,
                    AttackMethod.Fgsm => GradientSignAttacks.Fgsm(victim.Network, images, labels, epsilon),
                    _ => GradientSignAttacks.Pgd(victim.Network, images, labels, epsilon, epsilon / 4, PgdSteps),
                };
                attacked.Add((result.MoveToOuterDisposeScope(), labels));
            }

            if (pass == passes - 1)
            {
                foreach ((Tensor images, Tensor labels) in attacked)
                {
                    images.MoveToOuterDisposeScope();
                    labels.MoveToOuterDisposeScope();
                }
            }
        }

        double seconds = clock.Elapsed.TotalSeconds;
        double cpuSeconds = Katas.Kits.ThreadClock.Seconds() - cpu;
        using var noGrad = torch.no_grad();
        long check = attacked.Sum(pair => victim.Logits(pair.Images).argmax(1).eq(method == AttackMethod.Sign ? torch.tensor(target) : pair.Labels).sum().ToInt64());
        return new AttackTiming(seconds, cpuSeconds, (int)check);
    }
}
