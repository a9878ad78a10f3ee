using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Katas.Optimizers;

/// <summary>What every optimizer does, TorchSharp's or your own: forget the gradients, and take a step with them.</summary>
public interface IOptimizer
{
    /// <summary>Sets every parameter's gradient to zero (backward() adds to it).</summary>
    void ZeroGrad();

    /// <summary>Updates every parameter from its gradient (and the optimizer's state).</summary>
    void Step();
}

/// <summary>Makes a TorchSharp optimizer an <see cref="IOptimizer"/>.</summary>
/// <param name="optimizer">The TorchSharp optimizer.</param>
public sealed class TorchOptimizer(optim.Optimizer optimizer) : IOptimizer
{
    /// <summary>The wrapped optimizer.</summary>
    public optim.Optimizer Inner { get; } = optimizer;

    /// <inheritdoc />
    public void ZeroGrad() => Inner.zero_grad();

    /// <inheritdoc />
    public void Step() => Inner.step();
}

/// <summary>Makes an optimizer for the given parameters (so a run can create it once, with its own parameters).</summary>
public delegate IOptimizer OptimizerFactory(IReadOnlyList<Parameter> parameters);
