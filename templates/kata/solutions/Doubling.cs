using TorchSharp;
using static TorchSharp.torch;

namespace Katas.{{Name}};

/// <summary>Task 1: doubling a tensor.</summary>
public static class Doubling
{
    /// <summary>Every element of <paramref name="values"/> times two, same shape and dtype.</summary>
    /// <param name="values">Any tensor.</param>
    public static Tensor Double(Tensor values)
    {
        return values * 2;
    }
}
