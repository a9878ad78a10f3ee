namespace Katas.Adversarial.Kit;

/// <summary>The attacks `katas attack --method` runs and `katas bench adversarial` times (on the command line: sign, fgsm, pgd).</summary>
public enum AttackMethod
{
    /// <summary>The article's attack: <see cref="AttackThroughput.SignSteps"/> steps of 1/255 toward a target class (SignAttack.Run).</summary>
    Sign,

    /// <summary>FGSM at ε = <see cref="AttackThroughput.Epsilon255"/>/255 (GradientSignAttacks.Fgsm).</summary>
    Fgsm,

    /// <summary>PGD with <see cref="AttackThroughput.PgdSteps"/> steps of ε/4, no random start (GradientSignAttacks.Pgd).</summary>
    Pgd,
}
