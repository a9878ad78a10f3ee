using Katas.Optimizers.Tests.Oracles;
using Katas.Testing;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Katas.Optimizers.Tests;

/// <summary>Task 2: your optimizers match TorchSharp's step for step, and Keras' RMSprop matches its formula.</summary>
[KataTask(2)]
public sealed class Task2HandWrittenOptimizersTests : KataTest
{
    private const int Steps = 100;

    private static readonly OptimizerSettings[] Settings =
    [
        new(OptimizerKind.Sgd, 0),
        new(OptimizerKind.Sgd, 0, WeightDecay: 0.01),
        new(OptimizerKind.Momentum, 0, Momentum: 0.9),
        new(OptimizerKind.Momentum, 0, Momentum: 0.5, WeightDecay: 0.1),
        new(OptimizerKind.Momentum, 0, Momentum: 0.9, Nesterov: true),
        new(OptimizerKind.Momentum, 0, Momentum: 0.9, Nesterov: true, WeightDecay: 0.01),
        new(OptimizerKind.RmsProp, 0),
        new(OptimizerKind.RmsProp, 0, Alpha: 0.9, Eps: 1e-6, WeightDecay: 0.01),
        new(OptimizerKind.Adam, 0),
        new(OptimizerKind.Adam, 0, Beta1: 0.8, Beta2: 0.99, Eps: 1e-6, WeightDecay: 0.01),
        new(OptimizerKind.Adagrad, 0),
        new(OptimizerKind.Adagrad, 0, Eps: 1e-6, WeightDecay: 0.01, InitialAccumulator: 0.1),
    ];

    private static IEnumerable<TestCaseData> Cases() =>
        from problem in Problem.All
        from settings in Settings
        select new TestCaseData(problem, problem.Scaled(settings))
            .SetName($"Your optimizer matches TorchSharp's step for step: {Describe(problem.Scaled(settings))}, {Steps} steps on the {problem.Name}");

    [TestCaseSource(nameof(Cases))]
    public void Your_optimizer_matches_TorchSharps_step_for_step(Problem problem, OptimizerSettings settings)
    {
        List<double[]> yours = LearnerCode.Run(() => StepByStep.Trace(problem, p => HandWrittenOptimizers.Create(p, settings), Steps),
            $"your {settings.Kind} optimizer");
        List<double[]> reference = StepByStep.Trace(problem, p => new TorchOptimizer(TorchSharpReference.Create(p, settings)), Steps);
        if (StepByStep.Compare(yours, reference) is Difference difference)
        {
            Assert.Fail($"{settings} on the {problem.Name}: {difference} {Cause.Of(problem, settings, yours, difference)}");
        }
    }

    [TestCaseSource(typeof(Problem), nameof(Problem.All))]
    public void Your_Keras_RMSprop_puts_eps_inside_the_square_root(Problem problem)
    {
        // A large ε makes the two conventions far apart: √(v + ε) against √v + ε.
        OptimizerSettings keras = new(OptimizerKind.RmsProp, problem.AdaptiveRate, Alpha: 0.9, Eps: 0.5, EpsInsideSqrt: true);
        List<double[]> yours = LearnerCode.Run(() => StepByStep.Trace(problem, p => HandWrittenOptimizers.Create(p, keras), 30), "your RmsProp");
        List<double[]> expected = KerasRmsPropByHand(problem, keras, 30);
        if (StepByStep.Compare(yours, expected) is Difference difference)
        {
            Assert.Fail($"Keras' RMSprop divides by √(v + ε), PyTorch's by √v + ε (OptimizerSettings.EpsInsideSqrt says which). {keras} on the " +
                        $"{problem.Name}: {difference} {Cause.Of(problem, keras, yours, difference)}");
        }
    }

    private static IEnumerable<TestCaseData> WeightDecayCases() =>
        from settings in Settings
        where settings.WeightDecay != 0
        let scaled = Problem.Rosenbrock.Scaled(settings)
        select new TestCaseData(scaled).SetName($"Step leaves the gradients as backward left them: {Describe(scaled)}");

    [TestCaseSource(nameof(WeightDecayCases))]
    public void Step_leaves_the_gradients_as_backward_left_them(OptimizerSettings settings)
    {
        // An optimizer reads the gradients; code after Step (clipping, logging, accumulation) still relies on them.
        Parameter[] parameters = Problem.Rosenbrock.NewParameters();
        string? changed = LearnerCode.Run(() =>
        {
            IOptimizer optimizer = HandWrittenOptimizers.Create(parameters, settings);
            for (int step = 1; step <= 3; step++)
            {
                using var scope = torch.NewDisposeScope();
                optimizer.ZeroGrad();
                Problem.Rosenbrock.Loss(parameters).backward();
                double[] before = parameters.Select(p => p.grad!.ToDouble()).ToArray();
                optimizer.Step();
                double[] after = parameters.Select(p => p.grad!.ToDouble()).ToArray();
                for (int k = 0; k < before.Length; k++)
                {
                    if (before[k] != after[k])
                    {
                        return $"Expected: after Step() parameter {k}'s gradient is still the one backward() computed, {before[k]:G12}. " +
                               $"Got: {after[k]:G12} after step {step}. Likely cause: your Update changed p.grad in place (add_, mul_, sub_ on the " +
                               "gradient, e.g. the weight decay as gradient.add_(wd·p)). Build a new tensor instead: g = gradient + wd·p.";
                    }
                }
            }

            return null;
        }, $"your {settings.Kind} optimizer");
        Assert.That(changed, Is.Null, $"{settings}: {changed}");
    }

    [Test]
    public void Adams_first_step_moves_each_parameter_by_the_learning_rate()
    {
        OptimizerSettings adam = new(OptimizerKind.Adam, 0.01, Eps: 1e-12);
        List<double[]> trace = LearnerCode.Run(() => StepByStep.Trace(Problem.StiffQuadratic, p => HandWrittenOptimizers.Create(p, adam), 1), "your Adam");
        for (int k = 0; k < 2; k++)
        {
            double moved = Math.Abs(trace[0][k] - Problem.StiffQuadratic.Start[k]);
            Assert.That(moved, Is.EqualTo(0.01).Within(1e-9),
                $"Parameter {k} moved {moved:G6} in Adam's first step. With bias correction m̂ = g and v̂ = g², so the step is lr·g/|g| = lr = 0.01." +
                (Math.Abs(moved - 0.01 * 0.1 / Math.Sqrt(0.001)) < 1e-6 ? " Yours is (1 − β₁)/√(1 − β₂) ≈ 3.16 times that: divide m by 1 − β₁ᵗ and v by 1 − β₂ᵗ."
                    : Math.Abs(moved - (0.01 * Math.Sqrt(0.001 / 0.1))) < 1e-6
                        ? " Yours is √((1 − β₂)/(1 − β₁)) ≈ 0.1 times that: v's new term is weighted by 1 − β₁ instead of 1 − β₂ (v ← β₂·v + (1 − β₂)·g²)."
                    : k == 1 && Math.Abs(moved - (0.01 * (0.1 / (1 - (0.9 * 0.9))) / Math.Sqrt(0.001 / (1 - (0.999 * 0.999))))) < 1e-6
                        ? " That is the step at t = 2: the second parameter's bias correction counted the first parameter's update as a step. A counter " +
                          "of your own, increased in Update, counts parameters, not steps; use StepCount (one per optimizer step, 1 in the first)."
                    : Math.Abs(moved - 0.01) < 1e-5 * 0.01
                        ? " That is lr to float32's precision only: the bias corrections (or m and v) went through float. Keep them in double: Math.Pow of doubles."
                    : ""));
        }
    }

    /// <summary>Keras' RMSprop in plain arithmetic; autograd only supplies the gradients.</summary>
    private static List<double[]> KerasRmsPropByHand(Problem problem, OptimizerSettings s, int steps)
    {
        double[] p = [.. problem.Start];
        double[] v = new double[p.Length];
        var trace = new List<double[]>();
        for (int step = 0; step < steps; step++)
        {
            using var scope = torch.NewDisposeScope();
            Tensor[] tensors = p.Select(value => torch.tensor(value, dtype: ScalarType.Float64).requires_grad_()).ToArray();
            problem.Loss(tensors).backward();
            for (int k = 0; k < p.Length; k++)
            {
                double g = tensors[k].grad!.ToDouble();
                v[k] = s.Alpha * v[k] + (1 - s.Alpha) * g * g;
                p[k] -= s.LearningRate * g / Math.Sqrt(v[k] + s.Eps);
            }

            trace.Add([.. p]);
        }

        return trace;
    }

    private static string Describe(OptimizerSettings s) => s.ToString()
        .Replace("(", " with ", StringComparison.Ordinal).Replace(")", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
}
