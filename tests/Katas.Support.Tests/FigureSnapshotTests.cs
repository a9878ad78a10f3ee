using FluentAssertions;
using Katas.Figures;

namespace Katas.Support.Tests;

public sealed class FigureSnapshotTests
{
    private static Figure Sample(double y) => new("Title 1", [new Panel("p", "x", "y", new AxisLimits(0, 1, 0, 2), [
        new Series("s", SeriesStyle.Line, "#000000", [0.0, 1.0], [0.5, y]),
    ])]);

    [Test]
    public void Rounding_noise_is_tolerated_but_a_moved_point_is_not()
    {
        string reference = FigureSnapshot.ToText(Sample(1.23456));
        FigureSnapshot.FirstDifference(reference, FigureSnapshot.ToText(Sample(1.234561))).Should().BeNull();
        FigureSnapshot.FirstDifference(reference, FigureSnapshot.ToText(Sample(1.25))).Should().Contain("1.25");
    }

    [Test]
    public void Changed_words_and_missing_lines_are_differences()
    {
        string reference = FigureSnapshot.ToText(Sample(1));
        FigureSnapshot.FirstDifference(reference, reference.Replace("Title", "Other", StringComparison.Ordinal)).Should().StartWith("the figure's title, line 1");
        FigureSnapshot.FirstDifference(reference, reference + "extra\n").Should().Contain("yours has more lines than the reference");
    }

    [TestCase("smallest angle 17.9859°", "smallest angle 17.9861°", true)]
    [TestCase("best (17.99°)", "best (17.9901°)", true)]
    [TestCase("x axis: h [61,", "x axis: h [61.00001,", true)]
    [TestCase("smallest angle 17.9859°", "smallest angle 18.2°", false)]
    [TestCase("best (17.99°)", "best (17.99 rad)", false)]
    [TestCase("best (17.99°)", "best [17.99°]", false)]
    public void Numbers_with_a_unit_or_in_brackets_get_the_same_tolerance_as_bare_numbers(string reference, string yours, bool same)
    {
        string? difference = FigureSnapshot.FirstDifference(reference + "\n", yours + "\n");
        (difference is null).Should().Be(same, difference ?? "they matched");
    }

    [Test]
    public void A_stated_tolerance_lets_trained_numbers_drift_but_not_a_series_lose_a_point()
    {
        var drift = new SnapshotTolerance(Relative: 0.05, Absolute: 0);
        string reference = FigureSnapshot.ToText(Sample(1.0));
        FigureSnapshot.FirstDifference(reference, FigureSnapshot.ToText(Sample(1.04)), drift).Should().BeNull();
        FigureSnapshot.FirstDifference(reference, FigureSnapshot.ToText(Sample(1.04))).Should().Contain("point 2");
        FigureSnapshot.FirstDifference(reference, FigureSnapshot.ToText(Sample(1.1)), drift).Should().Contain("point 2");
        FigureSnapshot.FirstDifference("series: s (Line, 20 points)\n", "series: s (Line, 21 points)\n", new SnapshotTolerance(0.5, 1))
            .Should().Contain("a series header");
        FigureSnapshot.FirstDifference("panel: Coat 0.40\n", "panel: Coat 0.41\n", new SnapshotTolerance(0, 0.15)).Should().BeNull();
    }

    [Test]
    public void A_difference_names_the_series_the_point_and_both_values()
    {
        string reference = FigureSnapshot.ToText(Sample(1.0));
        string? difference = FigureSnapshot.FirstDifference(reference, FigureSnapshot.ToText(Sample(1.5)));
        difference.Should().Contain("point 2 (x y) of series s (Line, 2 points) in panel \"p\"").And.Contain("reference: 1 1").And.Contain("yours:     1 1.5");
    }

    [Test]
    public void A_figure_renders_to_a_png_and_an_animation()
    {
        byte[] png = FigureRenderer.RenderPng(Sample(1) with { Width = 400, Height = 200 });
        png.Take(4).Should().Equal(0x89, (byte)'P', (byte)'N', (byte)'G');
        string gif = Path.Combine(Path.GetTempPath(), $"katas-test-{Environment.ProcessId}.gif");
        Animation.WriteGif([FigureRenderer.RenderRgba(Sample(1) with { Width = 200, Height = 100 }),
            FigureRenderer.RenderRgba(Sample(1.5) with { Width = 200, Height = 100 })], gif);
        File.ReadAllBytes(gif).Take(6).Should().Equal("GIF89a"u8.ToArray());
        File.Delete(gif);
    }
}
