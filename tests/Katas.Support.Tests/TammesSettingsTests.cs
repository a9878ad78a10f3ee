using FluentAssertions;
using Katas.Spread;

namespace Katas.Support.Tests;

/// <summary>The command line's Tammes schedule per N: the record's defaults for few points, a soft start and a fixed budget for many.</summary>
public sealed class TammesSettingsTests
{
    [TestCase(4)]
    [TestCase(30)]
    [TestCase(TammesSettings.SoftStartFrom - 1)]
    public void Below_40_points_the_schedule_is_the_records_defaults(int n) =>
        TammesSettings.For(n).Should().Be(new TammesSettings());

    [Test]
    public void From_40_points_the_start_is_soft_and_the_restarts_fit_the_budget()
    {
        foreach (int n in new[] { TammesSettings.SoftStartFrom, 60, 130, 200 })
        {
            TammesSettings settings = TammesSettings.For(n);
            settings.Sharpness.Should().Be(3);
            settings.Restarts.Should().BeInRange(16, 192);
            settings.Survivors.Should().BeLessThan(settings.Restarts);
            if (settings.Restarts > 16)
            {
                (settings.Restarts * (double)settings.ExploreIterations * n * n).Should().BeLessThanOrEqualTo(TammesSettings.ExplorePairSteps);
            }
        }

        TammesSettings.For(40).Restarts.Should().Be(93, "0.75e9 / (5,000 x 40²) = 93.75");
        TammesSettings.For(60).Restarts.Should().Be(41);
        TammesSettings.For(96).Restarts.Should().Be(16, "0.75e9 / (5,000 x 96²) = 16.3");
        TammesSettings.For(200).Restarts.Should().Be(16, "never fewer than 16 restarts");
    }

    [Test]
    public void The_default_seed_is_kept_and_can_be_replaced() =>
        (TammesSettings.For(60) with { Seed = 1 }).Seed.Should().Be(1);
}
