using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Optimizers;

/// <summary>A 2D loss surface for the optimizer race: the function, its minimum, where the race starts, and what counts as arrived.</summary>
public sealed class Surface
{
    private readonly Func<Tensor, Tensor, Tensor> _loss;
    private readonly Func<double, double, double> _value;

    private Surface(string name, string description, Func<Tensor, Tensor, Tensor> loss, Func<double, double, double> value,
        (double X, double Y) start, (double X, double Y) minimumAt, double minimum, double tolerance, AxisRange range, int raceSteps,
        Dictionary<string, double> raceRates)
    {
        MinimumAt = minimumAt;
        RaceSteps = raceSteps;
        RaceRates = raceRates;
        Name = name;
        Description = description;
        _loss = loss;
        _value = value;
        Start = start;
        MinimumValue = minimum;
        Tolerance = tolerance;
        Range = range;
    }

    /// <summary>Rosenbrock's banana valley: (1 − x)² + 100(y − x²)², minimum 0 at (1, 1).</summary>
    public static Surface Rosenbrock { get; } = new("rosenbrock", "Rosenbrock's curved valley, minimum 0 at (1, 1)",
        (x, y) => (1 - x).square() + 100 * (y - x.square()).square(),
        (x, y) => Math.Pow(1 - x, 2) + 100 * Math.Pow(y - x * x, 2),
        (-1.5, 2.0), (1, 1), 0, 1e-4, new AxisRange(-2, 2, -1, 3), 3000,
        new() { ["sgd"] = 1e-3, ["momentum"] = 1e-3, ["nesterov"] = 1e-3, ["rmsprop"] = 3e-3, ["adam"] = 1e-2, ["adagrad"] = 1.0 });

    /// <summary>Beale's function: flat plateaus and steep walls, minimum 0 at (3, 0.5).</summary>
    public static Surface Beale { get; } = new("beale", "Beale's function, minimum 0 at (3, 0.5)",
        (x, y) => (1.5 - x + x * y).square() + (2.25 - x + x * y.square()).square() + (2.625 - x + x * y.pow(3)).square(),
        (x, y) => Math.Pow(1.5 - x + x * y, 2) + Math.Pow(2.25 - x + x * y * y, 2) + Math.Pow(2.625 - x + x * y * y * y, 2),
        (1.0, 1.5), (3, 0.5), 0, 1e-4, new AxisRange(-1, 4, -1.5, 2), 3000,
        new() { ["sgd"] = 1e-2, ["momentum"] = 1e-3, ["nesterov"] = 1e-3, ["rmsprop"] = 0.1, ["adam"] = 0.3, ["adagrad"] = 0.3 });

    /// <summary>A saddle at the origin between two valleys: x² − y² + y⁴/4, minimum −1 at (0, ±√2).</summary>
    public static Surface Saddle { get; } = new("saddle", "a saddle at the origin between two valleys, minimum −1 at (0, ±√2)",
        (x, y) => x.square() - y.square() + y.pow(4) / 4,
        (x, y) => x * x - y * y + Math.Pow(y, 4) / 4,
        (1.5, 1e-3), (0, Math.Sqrt(2)), -1, 1e-4, new AxisRange(-2, 2, -2.2, 2.2), 500,
        new() { ["sgd"] = 0.3, ["momentum"] = 0.3, ["nesterov"] = 0.3, ["rmsprop"] = 0.1, ["adam"] = 0.3, ["adagrad"] = 1.0 });

    /// <summary>An ill-conditioned bowl, 50 times steeper across than along: (x² + 50y²)/2, minimum 0 at (0, 0).</summary>
    public static Surface IllConditionedBowl { get; } = new("bowl", "a bowl 50 times steeper across than along, minimum 0 at (0, 0)",
        (x, y) => (x.square() + 50 * y.square()) / 2,
        (x, y) => (x * x + 50 * y * y) / 2,
        (-4.0, 1.0), (0, 0), 0, 1e-4, new AxisRange(-4.5, 1.5, -1.5, 1.5), 500,
        new() { ["sgd"] = 0.03, ["momentum"] = 0.03, ["nesterov"] = 0.01, ["rmsprop"] = 0.3, ["adam"] = 0.3, ["adagrad"] = 1.0 });

    /// <summary>All surfaces, by name.</summary>
    public static IReadOnlyList<Surface> All { get; } = [Rosenbrock, Beale, Saddle, IllConditionedBowl];

    /// <summary>Short name, e.g. "rosenbrock".</summary>
    public string Name { get; }

    /// <summary>One line about the surface.</summary>
    public string Description { get; }

    /// <summary>Where every optimizer starts.</summary>
    public (double X, double Y) Start { get; }

    /// <summary>Where the minimum is (for the saddle, the valley on the side the race starts).</summary>
    public (double X, double Y) MinimumAt { get; }

    /// <summary>The smallest value the surface takes.</summary>
    public double MinimumValue { get; }

    /// <summary>A run has arrived when its loss is within this of <see cref="MinimumValue"/>.</summary>
    public double Tolerance { get; }

    /// <summary>The region drawn in figures.</summary>
    public AxisRange Range { get; }

    /// <summary>How many steps a race on this surface takes by default.</summary>
    public int RaceSteps { get; }

    /// <summary>
    /// Each optimizer's learning rate in a race here: the best of 1e-4, 3e-4, ..., 1 over the race's steps
    /// (fewest steps to tolerance, else lowest final loss), so the race compares optimizers at their best.
    /// </summary>
    public IReadOnlyDictionary<string, double> RaceRates { get; }

    /// <summary>The surface's value at scalar tensors <paramref name="x"/> and <paramref name="y"/> (differentiable).</summary>
    public Tensor Loss(Tensor x, Tensor y) => _loss(x, y);

    /// <summary>The surface's value at a point, in plain float64.</summary>
    public double Value(double x, double y) => _value(x, y);

    /// <summary>The surface called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No surface has that name.</exception>
    public static Surface Named(string name) => All.FirstOrDefault(surface => surface.Name == name)
        ?? throw new ArgumentException($"Unknown surface \"{name}\": use {string.Join(", ", All.Select(surface => surface.Name))}.", nameof(name));

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>A rectangle of the plane.</summary>
public readonly record struct AxisRange(double XMin, double XMax, double YMin, double YMax);
