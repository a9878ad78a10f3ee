namespace Katas.Tensors;

/// <summary>Given: writes a tensor shape the way the messages of this kata do, e.g. "[64, 3, 32, 10]" (a scalar is "[]").</summary>
public static class Shapes
{
    /// <summary>The shape as text, e.g. "[3, 4]".</summary>
    /// <param name="shape">The sizes of the axes, e.g. a tensor's .shape.</param>
    public static string Text(IEnumerable<long> shape) => "[" + string.Join(", ", shape) + "]";
}
