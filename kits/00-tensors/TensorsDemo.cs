using System.Globalization;
using Katas.Figures;
using Katas.Kits;

namespace Katas.Tensors.Kit;

/// <summary>Kata 00's demo: the letter F translated, rotated, scaled and moved by an affine map.</summary>
public sealed class TensorsDemo : IKataDemo
{
    /// <inheritdoc />
    public string Kata => TransformRuns.Kata;

    /// <inheritdoc />
    public int Runs => 1;

    /// <inheritdoc />
    public IEnumerable<DemoRow> Render(string folder)
    {
        IReadOnlyList<TransformedShape> shapes = TransformRuns.All();
        RenderedRun files = TransformFigures.Write(shapes, folder, "transforms", animate: true);
        // The tip of the F's top bar, the corner farthest from the origin, shows each transform best.
        int tip = Enumerable.Range(0, shapes[0].Original.Count).MaxBy(i => Math.Abs(shapes[0].Original[i].X) + Math.Abs(shapes[0].Original[i].Y));
        (double x, double y) = shapes[0].Original[tip];
        string corners = string.Join("; ", shapes.Select(s => string.Create(CultureInfo.InvariantCulture,
            $"{s.Formula}: ({s.Transformed[tip].X:0.##}, {s.Transformed[tip].Y:0.##})")));
        yield return new DemoRow(Kata, "the letter F under four transforms", shapes.Count,
            string.Create(CultureInfo.InvariantCulture, $"corner ({x:0.##}, {y:0.##}) goes to ") + corners, [files.Png, files.Gif!]);
    }
}
