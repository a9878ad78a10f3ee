using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Optimizers;

/// <summary>
/// The shape of a TorchSharp optimizer, for writing your own: it holds the parameters, zeroes their
/// gradients, counts steps, and keeps a little state per parameter (momentum buffers, running means).
/// A subclass implements <see cref="Update"/> for one parameter; <see cref="Step"/> calls it for every
/// parameter that has a gradient, under torch.no_grad().
/// </summary>
public abstract class HandOptimizer : IOptimizer
{
    private readonly Dictionary<Tensor, Dictionary<string, Tensor>> _state = new(ReferenceEqualityComparer.Instance);

    /// <summary>Creates the optimizer for <paramref name="parameters"/> (tensors that require grad).</summary>
    protected HandOptimizer(IEnumerable<Tensor> parameters, OptimizerSettings settings)
    {
        Parameters = parameters.ToList();
        Settings = settings;
    }

    /// <summary>The parameters being optimized.</summary>
    public IReadOnlyList<Tensor> Parameters { get; }

    /// <summary>The hyperparameters.</summary>
    public OptimizerSettings Settings { get; }

    /// <summary>How many steps have been taken, counting the one in progress (1 during the first step).</summary>
    public int StepCount { get; private set; }

    /// <inheritdoc />
    public void ZeroGrad()
    {
        foreach (Tensor parameter in Parameters)
        {
            using Tensor? gradient = parameter.grad;
            if (gradient is not null && !gradient.IsInvalid)
            {
                using var noGrad = torch.no_grad();
                gradient.zero_();
            }
        }
    }

    /// <inheritdoc />
    public void Step()
    {
        StepCount++;
        using var noGrad = torch.no_grad();
        foreach (Tensor parameter in Parameters)
        {
            using var scope = torch.NewDisposeScope();
            Tensor? gradient = parameter.grad;
            if (gradient is null || gradient.IsInvalid)
            {
                continue;
            }

            Update(parameter, gradient, StateOf(parameter));
        }
    }

    /// <summary>
    /// Updates one parameter in place from its gradient. <paramref name="state"/> keeps tensors between
    /// steps: store them with <see cref="Keep"/> so they outlive this step's DisposeScope.
    /// </summary>
    /// <param name="parameter">The parameter; change it in place (sub_, add_, ...).</param>
    /// <param name="gradient">Its gradient; don't change it in place.</param>
    /// <param name="state">This parameter's state, empty at the first step.</param>
    protected abstract void Update(Tensor parameter, Tensor gradient, IDictionary<string, Tensor> state);

    /// <summary>Stores <paramref name="value"/> in <paramref name="state"/> under <paramref name="key"/>, keeping it alive after the step.</summary>
    protected static void Keep(IDictionary<string, Tensor> state, string key, Tensor value)
    {
        if (state.TryGetValue(key, out Tensor? old) && !ReferenceEquals(old, value))
        {
            old.Dispose();
        }

        state[key] = value.DetachFromDisposeScope();
    }

    private Dictionary<string, Tensor> StateOf(Tensor parameter)
    {
        if (!_state.TryGetValue(parameter, out Dictionary<string, Tensor>? state))
        {
            state = [];
            _state[parameter] = state;
        }

        return state;
    }
}
