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
        FigureSnapshot.FirstDifference(reference, reference.Replace("Title", "Other", StringComparison.Ordinal)).Should().StartWith("line 1");
        FigureSnapshot.FirstDifference(reference, reference + "extra\n").Should().Contain("(end of snapshot)");
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
