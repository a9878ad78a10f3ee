using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Linreg;

/// <summary>Task 4: many steps, and a record of where they went.</summary>
public static class GradientDescent
{
    /// <summary>
    /// Runs <paramref name="iterations"/> gradient-descent steps from <paramref name="start"/> and
    /// records, for every iteration, the slope and intercept before the step and their loss; after the
    /// last step, records where the run ended with <see cref="Trajectory.Finish"/> (the parameters after
    /// the last update: the start if there were no steps).
    /// </summary>
    /// <param name="heights">The heights, shape [n]; the parameters take their dtype.</param>
    /// <param name="weights">The weights, shape [n].</param>
    /// <param name="start">The line to start from.</param>
    /// <param name="rates">The learning rate of each parameter.</param>
    /// <param name="iterations">How many steps to take (0 or more).</param>
    /// <returns>One entry per iteration, in order, and the final line (<see cref="Trajectory.Final"/>).</returns>
    public static Trajectory Run(Tensor heights, Tensor weights, Line start, LearningRates rates, int iterations)
    {
        using Tensor slope = torch.tensor(start.Slope, dtype: heights.dtype).requires_grad_();
        using Tensor intercept = torch.tensor(start.Intercept, dtype: heights.dtype).requires_grad_();
        var trajectory = new Trajectory();
        for (int i = 0; i < iterations; i++)
        {
            double slopeBefore = slope.ToDouble();
            double interceptBefore = intercept.ToDouble();
            double loss = GradientStep.Take(heights, weights, slope, intercept, rates);
            trajectory.Add(slopeBefore, interceptBefore, loss);
        }

        trajectory.Finish(slope.ToDouble(), intercept.ToDouble());
        return trajectory;
    }
}
