using Katas.Figures;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.{{Name}}.Kit;

/// <summary>Kata {{number}}'s figure: y = Double(x) for x = 0..4.</summary>
public static class {{Name}}Figures
{
    /// <summary>The doubled line, drawn from the implementation under test.</summary>
    public static Figure DoubledLine()
    {
        double[] xs = [0, 1, 2, 3, 4];
        using Tensor doubled = Doubling.Double(torch.tensor(xs));
        double[] ys = doubled.to_type(ScalarType.Float64).data<double>().ToArray();
        return new Figure("Doubling", [new Panel("y = 2x", "x", "y", new AxisLimits(0, 4, 0, 8), [new Series("doubled", SeriesStyle.Line, "#1f77b4", xs, ys)])]);
    }
}
