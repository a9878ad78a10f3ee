namespace Katas.Spread.Kit;

/// <summary>
/// The basin hopping `katas spread --loss tammes` and `katas bench tammes` run after the solver (<see cref="TammesHopping"/>).
/// Each round perturbs the best arrangement so far <see cref="Copies"/> times (every coordinate by Gaussian noise of
/// <see cref="Spread"/> × its smallest chord), descends the copies together for <see cref="Steps"/> steps while the sharpness
/// grows from <see cref="StartSharpness"/> to <see cref="EndSharpness"/>, and keeps the copy with the largest smallest angle if
/// it beats the best arrangement descended the same way unperturbed. At the end the best gets <see cref="PolishSteps"/> steps
/// over the solver's refining range from 40 points on (β = 1,000 to 300,000, <see cref="TammesSettings.For"/>).
/// </summary>
/// <param name="Copies">Perturbed copies per round, descending as one batch.</param>
/// <param name="Steps">Steps each round's copies take.</param>
/// <param name="PairSteps">
/// The hopping budget in pair-steps, steps × (copies × N² + <see cref="StepOverhead"/>) a round: it sets the number of rounds.
/// <see cref="For"/> gives it what <see cref="RunPairSteps"/> leaves after the solver.
/// </param>
/// <param name="Spread">The noise's standard deviation per coordinate, in units of the best arrangement's smallest chord.</param>
/// <param name="StartSharpness">β at each round's first step: soft, so the perturbed copy relaxes as a whole.</param>
/// <param name="EndSharpness">β at each round's last step: sharp enough to rank the copies by their smallest angles.</param>
/// <param name="PolishSteps">Steps of the final polish of the best arrangement.</param>
public sealed record TammesHopSettings(
    int Copies = 8, int Steps = 1500, double PairSteps = 1.0e9, double Spread = 0.3,
    double StartSharpness = 30, double EndSharpness = 30_000, int PolishSteps = 4000)
{
    /// <summary>
    /// The largest N whose run has the table's 30 s budget (<see cref="RunPairSteps"/>, the solver's and the hopping's
    /// together). Past it the table asks for 0.1% with no time limit, and the hopping gets <see cref="BeyondPairSteps"/> on
    /// top of the solver with the smaller noise <see cref="BeyondSpread"/>.
    /// </summary>
    public const int UpTo = 130;

    /// <summary>
    /// The hopping's budget past <see cref="UpTo"/> points, in pair-steps beyond the solver's: 8 copies and 16 to 7 rounds
    /// from 131 to 200 points, about 20-30 s of one thread on top of the solver's 15-50 s.
    /// </summary>
    public const double BeyondPairSteps = 4e9;

    /// <summary>
    /// The noise past <see cref="UpTo"/> points, in smallest chords. The 0.3 of smaller N found no better basin there in
    /// 30 rounds (N = 150: 0.49% short either way), where 0.15 reached the best-known one (0.0033% short, seed 1); 0.1
    /// did no better than 0.15 at N = 180 and 200 (docs/02-spread.md).
    /// </summary>
    public const double BeyondSpread = 0.15;

    /// <summary>
    /// The hopping for <paramref name="n"/> points, or null below <see cref="TammesSettings.SoftStartFrom"/>, where the
    /// solver alone ends within 0.011% of the best known. Up to <see cref="UpTo"/> it gets what the run's budget leaves
    /// after the solver; past it, <see cref="BeyondPairSteps"/> with <see cref="BeyondSpread"/>.
    /// </summary>
    public static TammesHopSettings? For(int n) => n < TammesSettings.SoftStartFrom
        ? null
        : n <= UpTo
            ? new TammesHopSettings(Copies: CopiesFor(n), PairSteps: RunPairSteps - SolverPairSteps(TammesSettings.For(n), n))
            : new TammesHopSettings(Copies: CopiesFor(n), PairSteps: BeyondPairSteps, Spread: BeyondSpread);

    /// <summary>
    /// A whole run's budget in pair-steps, the solver's and the hopping's together: about 25 s of one thread at 8-10 ns a
    /// pair-step. The hopping gets what the solver's schedule leaves: about 1.9·10⁹ at N = 40, 0.6·10⁹ at N = 130, where
    /// 16 restarts (the solver's floor) already cost 2.2·10⁹.
    /// </summary>
    public const double RunPairSteps = 2.75e9;

    /// <summary>What <paramref name="solver"/> spends on <paramref name="n"/> points: every restart explores, the survivors refine.</summary>
    public static double SolverPairSteps(TammesSettings solver, int n)
    {
        ArgumentNullException.ThrowIfNull(solver);
        return ((double)solver.Restarts * solver.ExploreIterations + (double)solver.Survivors * solver.RefineIterations) * n * n;
    }

    /// <summary>
    /// What a step costs beyond its pairs, in pair-steps: measured with 8 copies, a step took 0.25 ms at N = 40 and 1.27 ms
    /// at N = 130, which is about 8 ns a pair-step plus 0.14 ms of dispatching a dozen small operations. Without it the
    /// budget afforded 52 rounds at N = 40, and a run took 33-41 s instead of about 20.
    /// </summary>
    public const double StepOverhead = 20_000;

    /// <summary>
    /// Copies per round for <paramref name="n"/> points: enough that a step's pairs cost about twice its fixed overhead
    /// (copies × N² ≈ 2 × <see cref="StepOverhead"/>), and never fewer than 8. At 40 points 25 copies try about 1.6 times as
    /// many perturbations a second as 8 would; from 71 points on it is 8.
    /// </summary>
    public static int CopiesFor(int n) => Math.Max(8, (int)Math.Ceiling(2 * StepOverhead / ((double)n * n)));

    /// <summary>How many rounds <see cref="PairSteps"/> affords for <paramref name="n"/> points (at least one).</summary>
    public int RoundsFor(int n) => Math.Max(1, (int)(PairSteps / (Steps * (Copies * (double)n * n + StepOverhead))));
}
