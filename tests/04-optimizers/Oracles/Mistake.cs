namespace Katas.Optimizers.Tests.Oracles;

/// <summary>The known update-rule mistakes a by-hand update can make (<see cref="ByHand"/>); <see cref="None"/> is TorchSharp's rule.</summary>
[Flags]
internal enum Mistake
{
    /// <summary>TorchSharp's own update rule.</summary>
    None = 0,

    /// <summary>The state is not kept between steps: every step is computed as the first (Adam's t stays 1).</summary>
    Fresh = 1 << 0,

    /// <summary>Momentum with dampening after the first step, b ← μ·b + (1 − μ)·g.</summary>
    Dampen = 1 << 1,

    /// <summary>Momentum as an exponential average from zero, b = 0 before the first step.</summary>
    DampenFromZero = 1 << 2,

    /// <summary>Nesterov's step as p ← p − lr·(b + μ·g).</summary>
    NesterovSwapped = 1 << 3,

    /// <summary>RMSprop's v ← α·v + g², without the (1 − α).</summary>
    NoOneMinusDecay = 1 << 4,

    /// <summary>RMSprop dividing by v instead of its root.</summary>
    NoRoot = 1 << 5,

    /// <summary>RMSprop's v starting at the first squared gradient instead of 0.</summary>
    SquareStartsAtFirst = 1 << 6,

    /// <summary>ε on the other side of the square root from the one the settings ask for.</summary>
    EpsFlipped = 1 << 7,

    /// <summary>Adam without the bias correction of m.</summary>
    NoCorrection1 = 1 << 8,

    /// <summary>Adam without the bias correction of v.</summary>
    NoCorrection2 = 1 << 9,

    /// <summary>Adam's bias correction with t + 1.</summary>
    StepOffByOne = 1 << 10,

    /// <summary>Adam's ε added to √v before the bias correction (the paper's "efficient" form).</summary>
    EpsBeforeCorrection = 1 << 11,

    /// <summary>One state (buffer, running means, sum of squares) for all the parameters instead of one each.</summary>
    SharedState = 1 << 12,

    /// <summary>RMSprop's decay on the wrong terms: v ← (1 − α)·v + α·g², keeping 1 − α of the old mean square.</summary>
    DecaySwapped = 1 << 13,

    /// <summary>The squared-gradient state (RMSprop's and Adam's v, Adagrad's s) built from the raw gradient, without the weight decay's wd·p.</summary>
    RawSquare = 1 << 14,

    /// <summary>Adam's m, or the numerator of RMSprop's and Adagrad's step, from the raw gradient, without the weight decay's wd·p.</summary>
    RawNumerator = 1 << 15,

    /// <summary>Adam keeping the bias-corrected m̂ and v̂ as its state, so the next step corrects them again.</summary>
    KeepsCorrected = 1 << 16,
}
