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
        entrants.Select(entrant => RunOne(surface, entrant.Name, entrant.Make, steps)).ToList();

    private static RaceResult RunOne(Surface surface, string name, OptimizerFactory make, int steps)
    {
        using var x = new Parameter(torch.tensor(surface.Start.X, dtype: ScalarType.Float64));
        using var y = new Parameter(torch.tensor(surface.Start.Y, dtype: ScalarType.Float64));
        IOptimizer optimizer = make([x, y]);
        var xs = new List<double>();
        var ys = new List<double>();
        var losses = new List<double>();
        int? arrived = null;
        for (int step = 0; step <= steps; step++)
        {
            using var scope = torch.NewDisposeScope();
            optimizer.ZeroGrad();
            Tensor loss = surface.Loss(x, y);
            double value = loss.ToDouble();
            xs.Add(x.ToDouble());
            ys.Add(y.ToDouble());
            losses.Add(value);
            if (arrived is null && value - surface.MinimumValue <= surface.Tolerance)
            {
                arrived = step;
            }

            if (step == steps || !double.IsFinite(value))
            {
                break;
            }

            loss.backward();
            optimizer.Step();
        }

        return new RaceResult(name, xs, ys, losses, arrived);
    }
}
