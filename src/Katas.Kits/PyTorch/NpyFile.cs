using System.Globalization;
using System.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Kits.PyTorch;

/// <summary>
/// Writes tensors as NumPy .npy files (format 1.0, little-endian, C order), which a Python script reads with
/// numpy.load: how a benchmark hands PyTorch exactly the data, weights and order it used itself.
/// </summary>
public static class NpyFile
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0];

    /// <summary>Writes <paramref name="tensor"/> (float32, float64, int64 or uint8, any shape) to <paramref name="path"/>.</summary>
    /// <exception cref="ArgumentException">Another dtype.</exception>
    public static void Write(string path, Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        using var scope = torch.NewDisposeScope();
        Tensor data = tensor.detach().cpu().contiguous();
        using FileStream stream = File.Create(path);
        stream.Write(Header(data.dtype, data.shape));
        stream.Write(data.bytes);
    }

    /// <summary>Writes bytes already in memory (e.g. a data set's pixels) as a uint8 array of <paramref name="shape"/>, without a tensor copy.</summary>
    /// <exception cref="ArgumentException">The shape does not hold exactly that many bytes.</exception>
    public static void Write(string path, ReadOnlySpan<byte> bytes, long[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Aggregate(1L, (product, size) => product * size) != bytes.Length)
        {
            throw new ArgumentException($"The shape [{string.Join(", ", shape)}] does not hold {bytes.Length} bytes.", nameof(shape));
        }

        using FileStream stream = File.Create(path);
        stream.Write(Header(ScalarType.Byte, shape));
        stream.Write(bytes);
    }

    /// <summary>
    /// The header of an .npy file for <paramref name="dtype"/> and <paramref name="shape"/>: the magic string, version 1.0,
    /// the header's length, and a Python dict literal padded with spaces so the data starts at a multiple of 64 bytes.
    /// </summary>
    public static byte[] Header(ScalarType dtype, long[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        string description = dtype switch
        {
            ScalarType.Float32 => "<f4",
            ScalarType.Float64 => "<f8",
            ScalarType.Int64 => "<i8",
            ScalarType.Byte => "|u1",
            _ => throw new ArgumentException($"NpyFile writes float32, float64, int64 and uint8 tensors; got {dtype}.", nameof(dtype)),
        };
        string dimensions = shape.Length == 1
            ? shape[0].ToString(CultureInfo.InvariantCulture) + ","
            : string.Join(", ", shape.Select(size => size.ToString(CultureInfo.InvariantCulture)));
        string dictionary = $"{{'descr': '{description}', 'fortran_order': False, 'shape': ({dimensions}), }}";
        int unpadded = Magic.Length + 2 + dictionary.Length + 1;
        string text = dictionary + new string(' ', (64 - unpadded % 64) % 64) + "\n";
        byte[] header = new byte[Magic.Length + 2 + text.Length];
        Magic.CopyTo(header, 0);
        header[Magic.Length] = (byte)(text.Length & 0xff);
        header[Magic.Length + 1] = (byte)(text.Length >> 8);
        Encoding.ASCII.GetBytes(text, 0, text.Length, header, Magic.Length + 2);
        return header;
    }
}
