using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Katas.Optimizers;

/// <summary>Task 3: the optimizer race on 2D surfaces.</summary>
public static class Race
{
    /// <summary>
    /// Runs every entrant on <paramref name="surface"/> from its start for <paramref name="steps"/> steps
    /// (float64): each step records the point and its loss, then zero_grad, loss, backward, step. The final
    /// point is recorded too, so each path has steps + 1 points. A run whose loss stops being finite ends
    /// there. Steps-to-tolerance is the first step count at which the loss is within the surface's
    /// tolerance of its minimum.
    /// </summary>
    /// <param name="surface">The loss surface.</param>
    /// <param name="entrants">Each optimizer's name and how to make it for the parameters [x, y].</param>
    /// <param name="steps">How many steps each optimizer takes.</param>
    public static IReadOnlyList<RaceResult> Run(Surface surface, IReadOnlyList<(string Name, OptimizerFactory Make)> entrants, int steps) =>
        throw new NotImplementedException(
            "Kata 04, task 3 (Race.Run) is not implemented yet: see katas/04-optimizers/README.md, task 3.");
}
