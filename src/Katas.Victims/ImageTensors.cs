using System.Runtime.InteropServices;
using SkiaSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Victims;

/// <summary>Conversions between SkiaSharp bitmaps and the channels-first [3, H, W] pixels the networks take.</summary>
public static class ImageTensors
{
    /// <summary>The pixel layout every picture is converted to before its bytes are read: 8-bit RGBA, opaque.</summary>
    internal static SKImageInfo Rgba(int width, int height) => new(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);

    /// <summary>
    /// Copies an RGBA8888 bitmap's red, green and blue planes into <paramref name="destination"/>
    /// (length 3 x width x height, channels first), dropping alpha.
    /// </summary>
    /// <exception cref="ArgumentException">The bitmap is not RGBA8888 or the destination has the wrong length.</exception>
    internal static void CopyChannelsFirst(SKBitmap bitmap, Span<byte> destination)
    {
        if (bitmap.ColorType != SKColorType.Rgba8888)
        {
            throw new ArgumentException($"Expected an Rgba8888 bitmap, got {bitmap.ColorType}.", nameof(bitmap));
        }

        int plane = bitmap.Width * bitmap.Height;
        if (destination.Length != 3 * plane)
        {
            throw new ArgumentException($"The destination holds {destination.Length} bytes; a {bitmap.Width}x{bitmap.Height} picture needs {3 * plane}.", nameof(destination));
        }

        ReadOnlySpan<byte> rgba = bitmap.GetPixelSpan();
        int stride = bitmap.RowBytes;
        for (int y = 0; y < bitmap.Height; y++)
        {
            ReadOnlySpan<byte> row = rgba.Slice(y * stride, bitmap.Width * 4);
            int offset = y * bitmap.Width;
            for (int x = 0; x < bitmap.Width; x++)
            {
                destination[offset + x] = row[4 * x];
                destination[plane + offset + x] = row[(4 * x) + 1];
                destination[(2 * plane) + offset + x] = row[(4 * x) + 2];
            }
        }
    }

    /// <summary>
    /// A picture as a bitmap: <paramref name="image"/> is [3, H, W] (channels first) with values in [0, 1],
    /// as the networks take them; values outside are clipped, and each is rounded to the nearest of 256 levels.
    /// </summary>
    /// <exception cref="ArgumentException">The tensor is not [3, H, W].</exception>
    public static SKBitmap ToBitmap(Tensor image)
    {
        if (image.dim() != 3 || image.shape[0] != 3)
        {
            throw new ArgumentException($"Expected one picture of shape [3, H, W], got [{string.Join(", ", image.shape)}].", nameof(image));
        }

        int height = (int)image.shape[1];
        int width = (int)image.shape[2];
        byte[] planes;
        using (NewDisposeScope())
        {
            planes = image.detach().cpu().clamp(0, 1).mul(255).round().to(ScalarType.Byte).contiguous().data<byte>().ToArray();
        }

        byte[] rgba = new byte[width * height * 4];
        int plane = width * height;
        for (int i = 0; i < plane; i++)
        {
            rgba[4 * i] = planes[i];
            rgba[(4 * i) + 1] = planes[plane + i];
            rgba[(4 * i) + 2] = planes[(2 * plane) + i];
            rgba[(4 * i) + 3] = 255;
        }

        var bitmap = new SKBitmap(Rgba(width, height));
        Marshal.Copy(rgba, 0, bitmap.GetPixels(), rgba.Length);
        return bitmap;
    }

    /// <summary>
    /// A bitmap as one picture [3, H, W], float32 in [0, 1], channels first (the inverse of <see cref="ToBitmap"/>):
    /// any colour type is converted to 8-bit RGBA first, alpha dropped.
    /// </summary>
    public static Tensor FromBitmap(SKBitmap bitmap)
    {
        ArgumentNullException.ThrowIfNull(bitmap);
        using var rgba = new SKBitmap(Rgba(bitmap.Width, bitmap.Height));
        using (var canvas = new SKCanvas(rgba))
        {
            canvas.Clear(SKColors.White);
            canvas.DrawBitmap(bitmap, 0, 0);
        }

        byte[] planes = new byte[3 * bitmap.Width * bitmap.Height];
        CopyChannelsFirst(rgba, planes);
        using var scope = NewDisposeScope();
        using Tensor bytes = torch.tensor(planes, [3, bitmap.Height, bitmap.Width]);
        return bytes.to(ScalarType.Float32).div_(255f).MoveToOuterDisposeScope();
    }

    /// <summary>Stacks channels-first 8-bit pictures (count x 3 x size x size bytes) into a float32 tensor [count, 3, size, size] in [0, 1].</summary>
    internal static Tensor ToUnitFloats(byte[] planes, int count, int size)
    {
        using var scope = NewDisposeScope();
        using Tensor bytes = torch.tensor(planes, [count, 3, size, size]);
        return bytes.to(ScalarType.Float32).div_(255f).MoveToOuterDisposeScope();
    }
}
