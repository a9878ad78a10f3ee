using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Linreg;

/// <summary>Task 4: many steps, and a record of where they went.</summary>
public static class GradientDescent
{
    /// <summary>
    /// Runs <paramref name="iterations"/> gradient-descent steps (your <see cref="GradientStep.Take"/>)
    /// from <paramref name="start"/> and records, for every iteration, the slope and intercept before
    /// the step and their loss; after the last step, records where the run ended with
    /// <see cref="Trajectory.Finish"/> (the parameters after the last update: the start if there were no steps).
    /// The loop must not leak tensors: give each iteration a DisposeScope.
    /// </summary>
    /// <param name="heights">The heights, shape [n]; the parameters take their dtype.</param>
    /// <param name="weights">The weights, shape [n].</param>
    /// <param name="start">The line to start from.</param>
    /// <param name="rates">The learning rate of each parameter.</param>
    /// <param name="iterations">How many steps to take (0 or more).</param>
    /// <returns>One entry per iteration, in order, and the final line (<see cref="Trajectory.Final"/>).</returns>
    public static Trajectory Run(Tensor heights, Tensor weights, Line start, LearningRates rates, int iterations)
    {
        throw new NotImplementedException(
            "Kata 01, task 4 (GradientDescent.Run) is not implemented yet: see katas/01-linreg/README.md, task 4.");
    }
}
