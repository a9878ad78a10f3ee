using System.Globalization;
using NUnit.Framework;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Testing;

/// <summary>Assertions on tensors whose failures say shape, dtype, the first differing element, expected and actual.</summary>
public static class TensorAssert
{
    /// <summary>Fails unless <paramref name="actual"/> is a valid tensor of <paramref name="shape"/> (empty for a scalar).</summary>
    public static void HasShape(Tensor? actual, long[] shape, string what)
    {
        if (actual is null || actual.IsInvalid)
        {
            Assert.Fail($"{what} is null; a tensor of shape {ShapeText(shape)} was expected.");
        }

        if (!actual!.shape.SequenceEqual(shape))
        {
            string hint = shape.Length == 0 ? " A scalar has shape []: reduce with .mean() or .sum() to a single value." : "";
            Assert.Fail($"{what} has shape {ShapeText(actual.shape)}; expected {ShapeText(shape)}.{hint}");
        }
    }

    /// <summary>
    /// Fails unless <paramref name="actual"/> has <paramref name="dtype"/>, with <paramref name="likelyCause"/> (the fix that fits
    /// the method under test) or, when null, a cause that fits any method.
    /// </summary>
    public static void HasDtype(Tensor actual, ScalarType dtype, string what, string? likelyCause = null)
    {
        if (actual.dtype != dtype)
        {
            Assert.Fail($"{what} has dtype {actual.dtype}; expected {dtype}. Likely cause: " + (likelyCause ??
                        "a tensor made on the way has another dtype (torch.tensor of C# doubles is float64; torch.zeros, torch.rand and " +
                        "torch.tensor of floats are float32). Give each new tensor the dtype the result should have."));
        }
    }

    /// <summary>
    /// Fails unless every element of <paramref name="actual"/> is within atol + rtol·|expected| of
    /// <paramref name="expected"/> (same shape required), naming the first element that is not.
    /// </summary>
    public static void Close(Tensor? actual, double[] expected, long[] shape, string what, double rtol = 1e-6, double atol = 0)
    {
        HasShape(actual, shape, what);
        double[] values = ToDoubles(actual!);
        for (int i = 0; i < expected.Length; i++)
        {
            double error = Math.Abs(values[i] - expected[i]);
            if (!(error <= atol + rtol * Math.Abs(expected[i])))
            {
                string index = shape.Length == 0 ? "" : $" at flat index {i}";
                Assert.Fail($"{what}{index}: expected {F(expected[i])}, got {F(values[i])} " +
                            $"(difference {F(error)}, allowed {F(atol + rtol * Math.Abs(expected[i]))}).");
            }
        }
    }

    /// <summary>The elements of <paramref name="tensor"/> as float64, flattened.</summary>
    public static double[] ToDoubles(Tensor tensor)
    {
        using Tensor flat = tensor.detach().cpu().to_type(ScalarType.Float64).flatten();
        return flat.data<double>().ToArray();
    }

    private static string ShapeText(IEnumerable<long> shape) => "[" + string.Join(", ", shape) + "]";

    private static string F(double value) => value.ToString("G9", CultureInfo.InvariantCulture);
}
