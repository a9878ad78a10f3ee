using Katas.Data;
using Katas.Testing;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Katas.Optimizers.Tests.Oracles;

/// <summary>A small optimization problem for comparing optimizers step by step (float64). Public only because NUnit test cases take it.</summary>
/// <param name="Name">For test names and messages.</param>
/// <param name="Start">The parameters' starting values.</param>
/// <param name="Loss">The loss of the parameters.</param>
/// <param name="SgdRate">A learning rate plain gradient descent survives on this problem.</param>
/// <param name="AdaptiveRate">A step size for RMSprop, Adam and Adagrad.</param>
public sealed record Problem(string Name, double[] Start, Func<IReadOnlyList<Tensor>, Tensor> Loss, double SgdRate, double AdaptiveRate)
{
    private static HeightWeightSample Sample => KataData.HeightWeight;

    public static Problem HeightWeight { get; } = new("height-weight MSE", [6.041117, -180],
        p =>
        {
            (Tensor h, Tensor w) = Sample.ToTensors(ScalarType.Float64);
            return (p[0] * h + p[1] - w).square().mean();
        }, 2e-5, 0.1);

    public static Problem Rosenbrock { get; } = new("Rosenbrock", [-1.5, 2], p => Surface.Rosenbrock.Loss(p[0], p[1]), 1e-3, 0.01);

    public static Problem StiffQuadratic { get; } = new("quadratic with curvatures 1 and 1000", [1, 1],
        p => (p[0].square() + 1000 * p[1].square()) / 2, 1e-3, 0.05);

    public static Problem[] All { get; } = [HeightWeight, Rosenbrock, StiffQuadratic];

    /// <summary>Fresh parameters at the start.</summary>
    public Parameter[] NewParameters() => Start.Select(value => new Parameter(torch.tensor(value, dtype: ScalarType.Float64))).ToArray();

    /// <summary>The settings' learning rate replaced by this problem's rate for that kind.</summary>
    public OptimizerSettings Scaled(OptimizerSettings settings) => settings with
    {
        LearningRate = settings.Kind is OptimizerKind.Sgd or OptimizerKind.Momentum ? SgdRate : AdaptiveRate,
    };

    public override string ToString() => Name;
}
