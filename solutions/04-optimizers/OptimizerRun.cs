using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Katas.Optimizers;

/// <summary>Task 1b: kata 01's run, with an optimizer object doing the update.</summary>
public static class OptimizerRun
{
    /// <summary>
    /// Fits weight = slope × height + intercept by minimising the mean squared error with an optimizer:
    /// create the two parameters and the optimizer ONCE, then each iteration: zero the gradients, compute
    /// the loss, backward(), step(). Records the slope, intercept and loss before each step, like kata 01,
    /// and after the loop where the run ended (<see cref="Trajectory.Finish"/>: the parameters after the last step).
    /// </summary>
    /// <param name="heights">The heights, shape [n]; the parameters take their dtype.</param>
    /// <param name="weights">The weights, shape [n].</param>
    /// <param name="start">The line to start from.</param>
    /// <param name="optimizer">Makes the optimizer for the parameters [slope, intercept].</param>
    /// <param name="iterations">How many steps to take.</param>
    public static Trajectory Run(Tensor heights, Tensor weights, Line start, OptimizerFactory optimizer, int iterations)
    {
        using var slope = new Parameter(torch.tensor(start.Slope, dtype: heights.dtype));
        using var intercept = new Parameter(torch.tensor(start.Intercept, dtype: heights.dtype));
        IOptimizer step = optimizer([slope, intercept]);
        var trajectory = new Trajectory();
        for (int i = 0; i < iterations; i++)
        {
            using var scope = torch.NewDisposeScope();
            step.ZeroGrad();
            Tensor loss = (slope * heights + intercept - weights).square().mean();
            double slopeBefore = slope.ToDouble();
            double interceptBefore = intercept.ToDouble();
            loss.backward();
            step.Step();
            trajectory.Add(slopeBefore, interceptBefore, loss.ToDouble());
        }

        trajectory.Finish(slope.ToDouble(), intercept.ToDouble());
        return trajectory;
    }
}
