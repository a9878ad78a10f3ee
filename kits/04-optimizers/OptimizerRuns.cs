using Katas.Data;
using Katas.Kits;
using Katas.Optimizers;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Optimizers.Kit;

/// <summary>Kata 04's runs: the article's RMSprop and Adam, and races on the surfaces.</summary>
public static class OptimizerRuns
{
    public const string Kata = "04-optimizers";

    /// <summary>The article's optimizer runs: Keras conventions, float32, from (6.041117, −180), no intercept scaling.</summary>
    public static IReadOnlyList<(string Name, OptimizerSettings Settings, int Iterations)> Article { get; } =
    [
        ("RMSprop", OptimizerSettings.ArticleRmsProp, ArticleFacts.RmsPropIterations),
        ("Adam", OptimizerSettings.ArticleAdam, ArticleFacts.AdamIterations),
    ];

    /// <summary>One of the article's runs with the hand-written optimizer (the only one with Keras' RMSprop convention).</summary>
    public static Trajectory ArticleRun(HeightWeightSample sample, OptimizerSettings settings, int iterations)
    {
        (Tensor heights, Tensor weights) = sample.ToTensors(ScalarType.Float32);
        using (heights)
        using (weights)
        {
            return OptimizerRun.Run(heights, weights, ArticleFacts.Start1, p => HandWrittenOptimizers.Create(p, settings), iterations);
        }
    }

    /// <summary>A race of the named optimizers (hand-written, at the surface's race rates) on <paramref name="surface"/>.</summary>
    public static IReadOnlyList<RaceResult> RunRace(Surface surface, IReadOnlyList<string> optimizers, int steps) =>
        Race.Run(surface, optimizers.Select(name => (name, Factory(name, surface.RaceRates[name], handWritten: true))).ToList(), steps);

    /// <summary>Makes the named optimizer at <paramref name="rate"/>: yours (hand-written) or TorchSharp's.</summary>
    public static OptimizerFactory Factory(string name, double rate, bool handWritten)
    {
        OptimizerSettings settings = OptimizerSettings.ByName[name](rate);
        return handWritten
            ? parameters => HandWrittenOptimizers.Create(parameters, settings)
            : parameters => new TorchOptimizer(BuiltInOptimizers.Create(parameters, settings));
    }

    /// <summary>Splits and checks a comma-separated list of optimizer names.</summary>
    public static IReadOnlyList<string> ParseOptimizers(string? list)
    {
        if (list is null)
        {
            return [.. OptimizerSettings.ByName.Keys];
        }

        string[] names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string? unknown = names.FirstOrDefault(name => !OptimizerSettings.ByName.ContainsKey(name));
        if (names.Length == 0 || unknown is not null)
        {
            throw new UsageException($"--optimizers takes a comma-separated list of {string.Join(", ", OptimizerSettings.ByName.Keys)}; " +
                                     (unknown is null ? "got none." : $"\"{unknown}\" is not one."));
        }

        return names;
    }
}
