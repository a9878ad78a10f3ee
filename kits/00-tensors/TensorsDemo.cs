using System.Globalization;
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
        (_, string png) = TransformFigures.Write(shapes, folder, "transforms");
        string corners = string.Join("; ", shapes.Select(s => string.Create(CultureInfo.InvariantCulture,
            $"{s.Formula}: ({s.Transformed[0].X:0.##}, {s.Transformed[0].Y:0.##})")));
        yield return new DemoRow(Kata, "the letter F under four transforms", shapes.Count, "first corner " + corners, [png]);
    }
}
