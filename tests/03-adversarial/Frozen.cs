using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Adversarial.Tests;

/// <summary>What the tests say about the state the learner's code left the model in.</summary>
internal static class Frozen
{
    /// <summary>A sentence naming the modules left in training mode, or "" when every module is in eval mode.</summary>
    public static string TrainingModeCause(nn.Module model)
    {
        string[] training = model.named_modules().Where(m => m.module.training).Select(m => m.name).ToArray();
        return model.training || training.Length > 0
            ? $" Likely cause: your code left the model in TRAINING mode (modules still training: {(training.Length == 0 ? "the model itself" : string.Join(", ", training))}): " +
              "dropout drops random values and batch norm uses the batch's own statistics, so the gradient is noisy and depends on the batch. " +
              "Call model.eval() before the forward pass."
            : "";
    }

    /// <summary>Names the parameters that hold a non-zero gradient after the call, or null when none does.</summary>
    public static string? ParametersWithGradient(nn.Module model)
    {
        string[] names = model.named_parameters()
            .Where(p => p.parameter.grad is { IsInvalid: false } grad && grad.abs().sum().ToDouble() > 0)
            .Select(p => p.name)
            .ToArray();
        return names.Length == 0 ? null : string.Join(", ", names);
    }
}
