using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Spread.Kit;

/// <summary>
/// Monotonic basin hopping after the Tammes solver: from about 45 points on, a few percent of random restarts or fewer
/// end in the best-known arrangement's basin; perturbing the best end found and descending again reached better basins
/// where more restarts did not (N = 46: 0.47% short after 141 restarts, 0.002% after hopping; docs/02-spread.md). It descends with the learner's
/// <see cref="Tammes.SoftMinimumGradient"/>, the step rule of the solver's schedule from 40 points on (<see cref="Solver"/>:
/// rate StepScale/β, heavy-ball momentum) and, for the final polish, that schedule's refining range of β.
/// </summary>
public static class TammesHopping
{
    /// <summary>
    /// Hops from <paramref name="start"/> (N unit vectors, the solver's end) as <paramref name="settings"/> say, drawing the
    /// noise from <paramref name="seed"/>; returns the best arrangement of all rounds, polished, or <paramref name="start"/>
    /// itself when that is at least as good (so hopping never loses what the solver found).
    /// </summary>
    public static double[][] Improve(double[][] start, TammesHopSettings settings, int seed)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(settings);
        int n = start.Length;
        int dim = start[0].Length;
        using var outer = torch.NewDisposeScope();
        // Its own stream: from the seed itself it would replay the solver's first restart as noise.
        var generator = new Generator((ulong)seed + NoiseStream);
        Tensor best = SpreadGeometry.ToTensor(start);
        // The yardstick: the best arrangement descended by a round's own schedule, unperturbed. Copies are compared with it,
        // not with the solver's sharper end, which is up to 0.05% ahead of its own basin's value at the rounds' sharpness.
        double yardstick = RelaxedLargestCosine(best, settings);
        for (int round = 0; round < settings.RoundsFor(n); round++)
        {
            using var scope = torch.NewDisposeScope();
            double chord = Math.Sqrt(2 - 2 * LargestCosines(best.unsqueeze(0)).item<double>());
            Tensor noise = torch.randn([settings.Copies, n, dim], ScalarType.Float64, generator: generator) * (settings.Spread * chord);
            Tensor vectors = best.unsqueeze(0) + noise;
            vectors.div_(vectors.norm(-1, keepdim: true));
            Descend(vectors, settings.StartSharpness, settings.EndSharpness, settings.Steps);
            Tensor cosines = LargestCosines(vectors);
            long index = cosines.argmin().ToInt64();
            double candidate = cosines[index].item<double>();
            if (candidate < yardstick)
            {
                yardstick = candidate;
                best.copy_(vectors[index]);
            }
        }

        Tensor polished = best.unsqueeze(0);
        Descend(polished, Solver.SurvivorSharpness, Solver.FinalSharpness, settings.PolishSteps);
        double[][] hopped = SpreadGeometry.ToArrays(polished[0]);
        // A copy that beat the yardstick may still polish to less than the solver's own refined end: keep the better.
        return SpreadGeometry.MinimumAngle(hopped) >= SpreadGeometry.MinimumAngle(start) ? hopped : start;
    }

    /// <summary>The largest cosine of a copy of <paramref name="vectors"/> descended by one round's schedule.</summary>
    private static double RelaxedLargestCosine(Tensor vectors, TammesHopSettings settings)
    {
        using var scope = torch.NewDisposeScope();
        Tensor copy = vectors.unsqueeze(0).clone();
        Descend(copy, settings.StartSharpness, settings.EndSharpness, settings.Steps);
        return LargestCosines(copy).item<double>();
    }

    /// <summary>Projected heavy-ball descent of a batch [R, N, D] in place on N × its soft minimum, β geometric from <paramref name="from"/> to <paramref name="to"/>.</summary>
    private static void Descend(Tensor vectors, double from, double to, int steps)
    {
        long n = vectors.shape[^2];
        using Tensor velocity = torch.zeros_like(vectors);
        for (int step = 0; step < steps; step++)
        {
            using var scope = torch.NewDisposeScope();
            double sharpness = from * Math.Pow(to / from, (double)step / steps);
            Tensor gradient = Tammes.SoftMinimumGradient(vectors, sharpness);
            velocity.mul_(Solver.Momentum).sub_(gradient * (n * Solver.StepScale / sharpness));
            vectors.add_(velocity);
            vectors.div_(vectors.norm(-1, keepdim: true));
        }
    }

    private const ulong NoiseStream = 1000;

    /// <summary>The solver's schedule where hopping starts: its step rule and its refining range are the hopping's too.</summary>
    private static readonly TammesSettings Solver = TammesSettings.For(TammesSettings.SoftStartFrom);

    /// <summary>Each arrangement's largest cosine between two different vectors, shape [R].</summary>
    private static Tensor LargestCosines(Tensor vectors)
    {
        using var scope = torch.NewDisposeScope();
        Tensor self = torch.eye(vectors.shape[^2], dtype: ScalarType.Bool, device: vectors.device);
        Tensor cosines = vectors.matmul(vectors.transpose(-1, -2)).masked_fill(self, double.NegativeInfinity);
        return cosines.flatten(-2).max(-1).values.MoveToOuterDisposeScope();
    }
}
