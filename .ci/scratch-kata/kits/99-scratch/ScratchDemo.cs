using Katas.Figures;
using Katas.Kits;

namespace Katas.Scratch.Kit;

/// <summary>Kata 99's demo: the doubled line.</summary>
public sealed class ScratchDemo : IKataDemo
{
    /// <inheritdoc />
    public string Kata => "99-scratch";

    /// <inheritdoc />
    public int Runs => 1;

    /// <inheritdoc />
    public IEnumerable<DemoRow> Render(string folder)
    {
        Directory.CreateDirectory(folder);
        string png = Path.Combine(folder, "doubled-line.png");
        FigureRenderer.SavePng(ScratchFigures.DoubledLine(), png);
        yield return new DemoRow(Kata, "the doubled line", 1, "y = 2x", [png]);
    }
}
