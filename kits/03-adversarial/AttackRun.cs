using System.Diagnostics;
using Katas.Victims;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Adversarial.Kit;

/// <summary>One attack of `katas attack`, carried out with the kata's attacks: the victim's probabilities after each step and the final picture.</summary>
/// <param name="Probabilities">The victim's probabilities [1, classes] before the attack and after each step the table shows.</param>
/// <param name="Final">The adversarial picture, a batch of one.</param>
/// <param name="Steps">The steps taken.</param>
/// <param name="Seen">The class the victim saw in the clean picture.</param>
/// <param name="Target">The class the attack aimed at: the one asked for, else (sign attack) the second likeliest; for FGSM and PGD, which aim only away from <paramref name="Seen"/>, the likeliest other class afterwards.</param>
/// <param name="Seconds">How long the attack took.</param>
internal sealed record AttackRun(Tensor[] Probabilities, Tensor Final, int Steps, long Seen, long Target, double Seconds)
{
    /// <summary>Attacks <paramref name="picture"/> as <paramref name="settings"/> ask.</summary>
    public static AttackRun Of(AttackCommand.Settings settings, Victim victim, Tensor picture, IReadOnlyList<string> names)
    {
        var clock = Stopwatch.StartNew();
        (long seen, long second) = TwoLikeliest(victim, picture);
        long target = settings.Target is { } name ? AttackCommand.ParseClass(name, names)!.Value : second;
        double step = settings.Step / 255;
        double epsilon = settings.Epsilon / 255;
        (Tensor[] probabilities, Tensor final, int steps) = settings.MethodKind switch
        {
            AttackMethod.Sign => Sign(victim, picture, target, settings.Steps ?? 4, step),
            AttackMethod.Fgsm => Both(victim, picture, GradientSignAttacks.Fgsm(victim.Network, picture, torch.tensor(new[] { seen }), epsilon), 1),
            _ => Pgd(settings, victim, picture, seen, epsilon, step),
        };
        double seconds = clock.Elapsed.TotalSeconds;
        return new AttackRun(probabilities, final, steps, seen, settings.MethodKind == AttackMethod.Sign ? target : LikeliestOtherThan(seen, probabilities[^1]), seconds);
    }

    private static (long Seen, long Second) TwoLikeliest(Victim victim, Tensor picture)
    {
        using Tensor clean = victim.Probabilities(picture).detach();
        long[] ranked = clean[0].argsort(descending: true).data<long>().ToArray();
        return (ranked[0], ranked[1]);
    }

    private static (Tensor[], Tensor, int) Sign(Victim victim, Tensor picture, long target, int steps, double step)
    {
        AttackSteps run = SignAttack.Run(victim.Network, picture, target, steps, step);
        return ([.. run.Probabilities], run.Final, steps);
    }

    private static (Tensor[], Tensor, int) Pgd(AttackCommand.Settings settings, Victim victim, Tensor picture, long seen, double epsilon, double step)
    {
        int steps = settings.Steps ?? 10;
        using var generator = settings.RandomStart ? new torch.Generator((ulong)settings.Seed) : null;
        return Both(victim, picture, GradientSignAttacks.Pgd(victim.Network, picture, torch.tensor(new[] { seen }), epsilon, step, steps, generator), steps);
    }

    /// <summary>The probabilities before and after an attack that shows no steps in between (FGSM, PGD).</summary>
    private static (Tensor[], Tensor, int) Both(Victim victim, Tensor picture, Tensor final, int steps) =>
        ([victim.Probabilities(picture).detach(), victim.Probabilities(final).detach()], final, steps);

    /// <summary>FGSM and PGD aim away from the class seen, at no class in particular: measure toward the likeliest other class.</summary>
    private static long LikeliestOtherThan(long seen, Tensor probabilities)
    {
        using Tensor after = probabilities[0].clone();
        after[seen] = torch.tensor(-1.0, dtype: after.dtype);
        return after.argmax().ToInt64();
    }
}
