using Katas.Kits;
using Katas.Victims;
using static Katas.Kits.BenchStatistics;

namespace Katas.Adversarial.Kit;

/// <summary>One victim for the throughput table: its name, the network and pictures, and the sign attack's target class.</summary>
/// <param name="Name">"pets" or "fashion" (also the PyTorch script's name for it).</param>
/// <param name="Victim">The network.</param>
/// <param name="Pictures">The pictures attacked.</param>
/// <param name="Target">The class the sign attack aims at.</param>
public sealed record ThroughputVictim(string Name, Victim Victim, LabelledImages Pictures, long Target);

/// <summary>
/// The attacks' throughput in pictures per second, ours and PyTorch's on the same network and pictures, each attack timed
/// on both sides in turn for several rounds (medians), with the time ratio against the target (ours ≤ PyTorch's). Each side
/// attacks once untimed first (a warm-up, which also tells how long a pass takes), and a round repeats a quick attack's
/// pass over the pictures until it lasts about <see cref="RoundSeconds"/>, the same number of passes on both sides.
/// </summary>
public static class ThroughputTable
{
    /// <summary>Our time should be at most this many times PyTorch's.</summary>
    public const double Target = 1.0;

    /// <summary>
    /// How long a round should last at least, in seconds. Why: FGSM on the 200 Fashion-MNIST pictures takes about 70 ms, and
    /// a moment's interruption of so short a timing (this machine's speed varies by up to 1.5x) moved its ratio by 30%.
    /// </summary>
    public const double RoundSeconds = 1.0;

    /// <summary>The passes over the pictures a round makes when one pass took <paramref name="passSeconds"/>: enough to last <see cref="RoundSeconds"/>, at least one.</summary>
    public static int PassesFor(double passSeconds) =>
        passSeconds >= RoundSeconds || !(passSeconds > 0) ? 1 : (int)Math.Ceiling(RoundSeconds / passSeconds);

    /// <summary>Measures every attack on every victim, <paramref name="rounds"/> times on each side, alternating.</summary>
    public static (BenchReport Table, object Figures) Measure(IReadOnlyList<ThroughputVictim> victims, AttackPyTorch? pytorch, int rounds, BenchRun run)
    {
        ArgumentNullException.ThrowIfNull(victims);
        ArgumentNullException.ThrowIfNull(run);
        var rows = new List<ThroughputRow>();
        foreach (ThroughputVictim victim in victims)
        {
            foreach (AttackMethod method in Enum.GetValues<AttackMethod>())
            {
                var ours = new List<AttackTiming>();
                var theirs = new List<AttackTiming>();
                int passes = PassesFor(AttackThroughput.Run(victim.Victim, victim.Pictures, method, victim.Target).Seconds);
                pytorch?.Run(victim.Name, method, victim.Target);
                for (int round = 0; round < rounds; round++)
                {
                    ours.Add(AttackThroughput.Run(victim.Victim, victim.Pictures, method, victim.Target, passes));
                    if (pytorch is not null)
                    {
                        theirs.Add(pytorch.Run(victim.Name, method, victim.Target, passes));
                    }
                }

                rows.Add(new ThroughputRow(victim.Name, method, victim.Pictures.Count, passes, ours, theirs));
                run.Say($"{victim.Name}, {AttackThroughput.Name(method)}: {F(rows[^1].PicturesPerSecond(ours), "0.0")} pictures/s" +
                    (pytorch is null ? "" : $", PyTorch {F(rows[^1].PicturesPerSecond(theirs), "0.0")}"));
            }
        }

        return (Table(rows, pytorch, rounds), rows);
    }

    private static BenchReport Table(List<ThroughputRow> rows, AttackPyTorch? pytorch, int rounds)
    {
        string title = pytorch is null
            ? $"Attack throughput (median of {rounds} rounds after a warm-up, batches of {FragilityStudy.Batch}; PyTorch not run)"
            : $"Attack throughput, ours and {pytorch.Install.Name} on the same network and pictures (median of {rounds} alternating rounds after a warm-up on each side, batches of {FragilityStudy.Batch})";
        var table = new BenchReport(title, "victim", "attack", "pictures", "passes a round", "ours: pictures/s", "PyTorch: pictures/s", "time ours / PyTorch (median of rounds)", "check ours | PyTorch");
        foreach (ThroughputRow row in rows)
        {
            bool both = row.Theirs.Count > 0;
            double ratio = both ? row.WallRatio() : double.NaN;
            table.AddRow(row.Victim, AttackThroughput.Name(row.Method), row.Pictures.ToString(System.Globalization.CultureInfo.InvariantCulture),
                row.Passes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                F(row.PicturesPerSecond(row.Ours), "0.0"), both ? F(row.PicturesPerSecond(row.Theirs), "0.0") : "",
                both ? $"{F(ratio, "0.00")} (target ≤ {F(Target, "0.0")}: {(ratio <= Target ? "met" : "MISSED")})" : "",
                $"{row.Ours[^1].Check} | {(both ? row.Theirs[^1].Check.ToString(System.Globalization.CultureInfo.InvariantCulture) : "")}");
        }

        table.AddNote(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Passes a round: a round repeats a quick attack over the same pictures until it lasts about {RoundSeconds:0.#} s (the same number of passes on both sides, set by our warm-up), so that a moment's interruption of this machine does not decide the ratio."));
        table.AddNote($"Check: after the attack (the last pass), the pictures the victim classifies as the target (sign attack; pets toward dog, Fashion-MNIST toward T-shirt/top) or still as labelled (FGSM, PGD): equal on both sides when they do the same work.");
        if (pytorch?.Install.BlasNote is string blas)
        {
            table.AddNote(blas);
        }

        if (rows.All(row => row.Theirs.Count > 0))
        {
            table.AddNote("By the thread's CPU time (which waiting for a busy core does not inflate), ours / PyTorch: " +
                string.Join("; ", rows.Select(row => $"{row.Victim} {row.Method.ToString().ToUpperInvariant()} {F(row.Ratio(timing => timing.CpuSeconds), "0.00")}")) + ".");
        }

        return table;
    }

    /// <summary>One attack on one victim: its timings on each side.</summary>
    private sealed record ThroughputRow(string Victim, AttackMethod Method, int Pictures, int Passes, List<AttackTiming> Ours, List<AttackTiming> Theirs)
    {
        public double PicturesPerSecond(IEnumerable<AttackTiming> timings) => (double)Pictures * Passes / Median(timings.Select(timing => timing.Seconds));

        public double Ratio(Func<AttackTiming, double> time) => Median(Ours.Select(time)) / Median(Theirs.Select(time));

        /// <summary>The median of the rounds' wall-time ratios: each round's two runs were next to each other in time.</summary>
        public double WallRatio() => Median(Ours.Zip(Theirs, (a, b) => a.Seconds / b.Seconds));
    }
}
