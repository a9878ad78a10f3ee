using System.Globalization;
using Katas.Figures;
using Katas.Kits;
using Katas.Spread;

namespace Katas.Spread.Kit;

/// <summary>
/// Kata 02's demo: the four losses on 20 vectors in 2D and their comparison, the icosahedron, and force against
/// Tammes for 8 vectors in 3D; every figure from its one definition in <see cref="SpreadFigureRuns"/>.
/// </summary>
public sealed class SpreadDemo : IKataDemo
{
    /// <inheritdoc />
    public string Kata => SpreadRuns.Kata;

    /// <summary>The figures the demo draws, each from its one definition, besides the comparison of <see cref="SpreadFigureRuns.Circle"/>.</summary>
    public IReadOnlyList<SpreadFigureRun> Figures => SpreadFigureRuns.All;

    /// <inheritdoc />
    public int Runs => Figures.Count + 1;

    /// <inheritdoc />
    public IEnumerable<DemoRow> Render(string folder)
    {
        var circleRuns = new List<SpreadRun>();
        foreach (SpreadFigureRun figure in Figures)
        {
            (SpreadRun run, RenderedRun files) = Draw(figure, folder, animate: true);
            yield return Row(figure, run, files);
            if (SpreadFigureRuns.Circle.Contains(figure))
            {
                circleRuns.Add(run);
                if (circleRuns.Count == SpreadFigureRuns.Circle.Count)
                {
                    (_, string png) = SpreadFigureRuns.WriteComparison(circleRuns, folder);
                    yield return new DemoRow(Kata, "comparison of the four losses, 20 vectors in 2D", circleRuns.Max(r => r.Final.Iteration), "", [png]);
                }
            }
        }
    }

    /// <summary>Makes <paramref name="figure"/>'s run and writes its figures into <paramref name="folder"/>, as the demo does.</summary>
    public static (SpreadRun Run, RenderedRun Files) Draw(SpreadFigureRun figure, string folder, bool animate)
    {
        SpreadRun run = figure.Run();
        return (run, figure.Draw(run, folder, animate));
    }

    private DemoRow Row(SpreadFigureRun figure, SpreadRun run, RenderedRun files) =>
        new(Kata, $"{figure.Loss}, {figure.N} vectors in {figure.Dim}D", run.Final.Iteration,
            string.Create(CultureInfo.InvariantCulture, $"smallest angle {run.Final.MinimumAngleDegrees:0.0000}° (best {figure.OptimumDegrees:0.0000}°)"),
            files.Gif is null ? [files.Png] : [files.Png, files.Gif]);
}
