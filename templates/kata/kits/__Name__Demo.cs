using Katas.Conventions;
using Katas.Figures;
using Katas.Kits;

namespace Katas.{{Name}}.Kit;

/// <summary>Kata {{number}}'s demo: the doubled line.</summary>
public sealed class {{Name}}Demo : IKataDemo
{
    /// <inheritdoc />
    public string Kata { get; } = KataMetadata.KataFolderOf(typeof({{Name}}Demo).Assembly);

    /// <inheritdoc />
    public int Runs => 1;

    /// <inheritdoc />
    public IEnumerable<DemoRow> Render(string folder)
    {
        Directory.CreateDirectory(folder);
        string png = Path.Combine(folder, "doubled-line.png");
        FigureRenderer.SavePng({{Name}}Figures.DoubledLine(), png);
        yield return new DemoRow(Kata, "the doubled line", 1, "y = 2x", [png]);
    }
}
