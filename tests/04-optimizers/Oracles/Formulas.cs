namespace Katas.Optimizers.Tests.Oracles;

/// <summary>Each kind's update rule in words, for messages: the first step (no state yet) and how the state carries over.</summary>
internal static class Formulas
{
    public static string FirstStep(OptimizerSettings s) => s.Kind switch
    {
        OptimizerKind.Sgd => "p ← p − lr·g, with g = gradient + wd·p",
        OptimizerKind.Momentum when s.Nesterov =>
            "the buffer starts as the whole gradient, b = g (no dampening, no learning rate inside it), and the Nesterov step is p ← p − lr·(g + μ·b)",
        OptimizerKind.Momentum => "the buffer starts as the whole gradient, b = g (no dampening, no learning rate inside it), and the step is p ← p − lr·b",
        OptimizerKind.RmsProp => "v starts at 0, so v = (1 − α)·g² and p ← p − lr·g/" + (s.EpsInsideSqrt ? "√(v + ε)" : "(√v + ε)"),
        OptimizerKind.Adam => "at t = 1 the bias correction makes m̂ = g and v̂ = g², so p ← p − lr·m̂/(√v̂ + ε) = lr·g/(|g| + ε)",
        _ => "s = initial accumulator + g², then p ← p − lr·g/(√s + ε)",
    };

    public static string LaterSteps(OptimizerSettings s) => s.Kind switch
    {
        OptimizerKind.Sgd => "plain SGD keeps no state: every step is p ← p − lr·(g + wd·p) with that step's gradient. Does your Update use anything left from an earlier step?",
        OptimizerKind.Momentum =>
            "check b ← μ·b + g from the previous buffer (the whole gradient, no (1 − μ) factor), the step with the NEW buffer, and that b is kept between steps (Keep) and updated once per step. " +
            "A first buffer that is the gradient tensor itself (b = g, not g.clone()) changes when the next backward() writes into the gradient.",
        OptimizerKind.RmsProp => "check v ← α·v + (1 − α)·g² from the previous v, and that v is kept between steps (Keep) and updated once per step.",
        OptimizerKind.Adam =>
            "check m ← β₁·m + (1 − β₁)·g and v ← β₂·v + (1 − β₂)·g² from their previous values, the bias corrections 1 − β₁ᵗ and 1 − β₂ᵗ with t = StepCount, " +
            "and that m and v are kept between steps (Keep) and updated once per step.",
        _ => "check s ← s + g² from the previous sum (never reset), and that s is kept between steps (Keep) and updated once per step.",
    };
}
