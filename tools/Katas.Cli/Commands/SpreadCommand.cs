using System.Diagnostics;
using System.Text.Json;
using Katas.Cli.Katas;

namespace Katas.Cli.Commands;

/// <summary>`katas spread`: spreads N unit vectors in D dimensions with one of kata 02's losses.</summary>
internal static class SpreadCommand
{
    public const string Usage = "spread --n N --dim D [--loss min-angle|variance|force|tammes] [--iterations K] [--seed S] [--json]\n" +
                                "                       spread N unit vectors in D dimensions and print the smallest angle reached";

    public static int Run(Arguments arguments)
    {
        int n = arguments.Int("--n", -1, 2, 2000);
        int dim = arguments.Int("--dim", -1, 2, 1024);
        if (n < 0 || dim < 0)
        {
            throw new UsageException("spread needs --n (number of vectors, 2..2000) and --dim (dimensions, 2..1024).");
        }

        string loss = arguments.Value("--loss") ?? "tammes";
        if (!SpreadRuns.LossNames.Contains(loss))
        {
            throw new UsageException($"--loss must be one of {string.Join(", ", SpreadRuns.LossNames)}; got \"{loss}\".");
        }

        int? iterations = arguments.Value("--iterations") is null ? null : arguments.Int("--iterations", 0, 1, 1_000_000);
        int seed = arguments.Int("--seed", 1, 0, int.MaxValue);
        bool json = arguments.Has("--json");
        arguments.RejectUnknown(0);

        TorchRuntime.Initialise();
        var clock = Stopwatch.StartNew();
        SpreadRun run = SpreadRuns.Run(loss, n, dim, iterations, seed);
        double seconds = clock.Elapsed.TotalSeconds;
        double best = SpreadRuns.BestKnownDegrees(n, dim);
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new SpreadResult(n, dim, loss, Math.Round(run.Final.MinimumAngleDegrees, 4),
                run.Final.Iteration, Math.Round(seconds, 3), seed, double.IsNaN(best) ? null : Math.Round(best, 4), Repository.KataSource)));
            return 0;
        }

        string bestText = double.IsNaN(best) ? "" : FormattableString.Invariant($"; best possible {best:0.0000}°");
        Console.WriteLine(FormattableString.Invariant(
            $"{n} vectors in {dim}D, loss {loss}: smallest angle {run.Final.MinimumAngleDegrees:0.0000}° after {run.Final.Iteration} iterations ({seconds:0.00} s, seed {seed}, {Repository.BuiltAgainst}){bestText}"));
        return 0;
    }

    private sealed record SpreadResult(
        [property: System.Text.Json.Serialization.JsonPropertyName("n")] int N,
        [property: System.Text.Json.Serialization.JsonPropertyName("dim")] int Dim,
        [property: System.Text.Json.Serialization.JsonPropertyName("loss")] string Loss,
        [property: System.Text.Json.Serialization.JsonPropertyName("min_angle_deg")] double MinAngleDeg,
        [property: System.Text.Json.Serialization.JsonPropertyName("iterations")] int Iterations,
        [property: System.Text.Json.Serialization.JsonPropertyName("seconds")] double Seconds,
        [property: System.Text.Json.Serialization.JsonPropertyName("seed")] int Seed,
        [property: System.Text.Json.Serialization.JsonPropertyName("best_known_deg")] double? BestKnownDeg,
        [property: System.Text.Json.Serialization.JsonPropertyName("implementation")] string Implementation);
}
