namespace Katas.Optimizers.Tests.Oracles;

/// <summary>Where two traces first part: after <paramref name="Step"/> (1 for the first step), at parameter <paramref name="Parameter"/>.</summary>
internal sealed record Difference(int Step, int Parameter, double Actual, double Expected)
{
    public override string ToString() => $"after step {Step}, parameter {Parameter} is {Actual:G12} but the reference has {Expected:G12}.";

    /// <summary>
    /// What to check, when no known mistake matches: the first step's formula when the first step already differs (it depends on no
    /// state carried over), else how the state carries from one step to the next.
    /// </summary>
    public string Hint(OptimizerSettings? settings) => Step == 1
        ? "The very first step differs: check the update formula" + (settings is null ? "" : $" ({Formulas.FirstStep(settings)})") +
          ", every hyperparameter (learning rate, eps, betas, alpha, momentum, initial accumulator) and the sign of the weight decay (+wd·p is added to the gradient)."
        : "The first step agreed but a later one does not; the first step does not show how the state carries over: " +
          (settings is null
              ? "is the optimizer's state (momentum buffer, running averages, sum of squares, step count) kept between steps and updated exactly once per step?"
              : Formulas.LaterSteps(settings));
}
