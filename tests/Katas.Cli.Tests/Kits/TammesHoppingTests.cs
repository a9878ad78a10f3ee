using FluentAssertions;
using Katas.Spread;
using Katas.Spread.Kit;
using TorchSharp;

namespace Katas.Cli.Tests.Kits;

/// <summary>The basin hopping after the Tammes solver: where it runs, what it may return, and that it frees its tensors.</summary>
public sealed class TammesHoppingTests
{
    /// <summary>Three rounds of four short descents and a short polish: a fraction of a second at 12 points.</summary>
    private static readonly TammesHopSettings Small = new(Copies: 4, Steps: 300, PairSteps: 3 * 300 * (4 * 144 + TammesHopSettings.StepOverhead), PolishSteps: 500);

    [SetUp]
    public void Initialise() => TorchRuntime.Initialise();

    [Test]
    public void It_hops_from_the_soft_start_on_and_past_130_points_with_its_own_budget_and_smaller_noise()
    {
        TammesHopSettings.For(TammesSettings.SoftStartFrom - 1).Should().BeNull("below the soft start the solver alone ends within 0.011% of the best known");
        TammesHopSettings.For(TammesSettings.SoftStartFrom).Should().NotBeNull();
        TammesHopSettings.For(TammesHopSettings.UpTo)!.Spread.Should().Be(0.3);
        TammesHopSettings beyond = TammesHopSettings.For(TammesHopSettings.UpTo + 1)!;
        beyond.PairSteps.Should().Be(TammesHopSettings.BeyondPairSteps, "past 130 points the table has no time budget to share with the solver");
        beyond.Spread.Should().Be(TammesHopSettings.BeyondSpread);
        TammesHopSettings.For(200)!.Copies.Should().Be(8);
    }

    [Test]
    public void The_budget_sets_the_rounds_and_never_fewer_than_one()
    {
        TammesHopSettings.For(40)!.RoundsFor(40).Should().Be(21, "(2.75e9 - (93 x 5,000 + 12 x 4,000) x 40²) / (1,500 steps x (25 copies x 40² + 20,000)) = 21.4");
        TammesHopSettings.For(130)!.RoundsFor(130).Should().Be(2, "(2.75e9 - (16 x 5,000 + 12 x 4,000) x 130²) / (1,500 x (8 x 130² + 20,000)) = 2.5");
        TammesHopSettings.For(131)!.RoundsFor(131).Should().Be(16, "4e9 / (1,500 x (8 x 131² + 20,000)) = 16.95");
        TammesHopSettings.For(200)!.RoundsFor(200).Should().Be(7, "4e9 / (1,500 x (8 x 200² + 20,000)) = 7.9");
        (new TammesHopSettings() with { PairSteps = 1 }).RoundsFor(130).Should().Be(1);
        Small.RoundsFor(12).Should().Be(3);
    }

    [TestCase(TammesSettings.SoftStartFrom)]
    [TestCase(97)]
    [TestCase(TammesHopSettings.UpTo)]
    public void The_hopping_gets_what_the_run_budget_leaves_after_the_solver(int n)
    {
        double solver = TammesHopSettings.SolverPairSteps(TammesSettings.For(n), n);
        solver.Should().BeLessThan(TammesHopSettings.RunPairSteps);
        TammesHopSettings.For(n)!.PairSteps.Should().BeApproximately(TammesHopSettings.RunPairSteps - solver, 1);
    }

    [TestCase(40, 25)]
    [TestCase(45, 20)]
    [TestCase(60, 12)]
    [TestCase(70, 9)]
    [TestCase(71, 8)]
    [TestCase(130, 8)]
    public void Fewer_points_get_more_copies_a_round_so_a_step_is_not_mostly_overhead(int n, int copies)
    {
        TammesHopSettings.CopiesFor(n).Should().Be(copies, "copies x N² should be about twice the step's overhead of 20,000 pair-steps, and never fewer than 8 copies");
        TammesHopSettings.For(n)!.Copies.Should().Be(copies);
    }

    [Test]
    public void From_a_random_start_of_12_points_it_reaches_the_icosahedron()
    {
        double[][] start = SpreadGeometry.ToArrays(SpreadGeometry.RandomUnitVectors(12, 3, new torch.Generator(7)));

        double[][] hopped = TammesHopping.Improve(start, Small, seed: 1);

        // The proven optimum for 12 points: the icosahedron, whose neighbours are atan(2) apart.
        double icosahedron = Math.Atan(2) * 180 / Math.PI;
        double reached = SpreadGeometry.MinimumAngle(hopped) * 180 / Math.PI;
        reached.Should().BeApproximately(icosahedron, icosahedron * 1e-4,
            $"12 points from a random start (smallest angle {SpreadGeometry.MinimumAngle(start) * 180 / Math.PI:0.00}°) should hop and polish to the icosahedron");
        hopped.Should().AllSatisfy(v => Math.Sqrt(v.Sum(x => x * x)).Should().BeApproximately(1, 1e-12, "every vector stays on the sphere"));
    }

    [Test]
    public void The_same_seed_gives_the_same_arrangement_and_every_tensor_is_freed()
    {
        double[][] start = SpreadGeometry.ToArrays(SpreadGeometry.RandomUnitVectors(12, 3, new torch.Generator(3)));
        long before = Katas.Kits.BenchMachine.LiveTensors();

        double[][] first = TammesHopping.Improve(start, Small, seed: 5);
        double[][] second = TammesHopping.Improve(start, Small, seed: 5);

        Katas.Kits.BenchMachine.LiveTensors().Should().Be(before, "the rounds' copies, noise and the polished best are disposed");
        second.SelectMany(v => v).Should().Equal(first.SelectMany(v => v), (a, b) => Math.Abs(a - b) < 1e-12);
    }
}
