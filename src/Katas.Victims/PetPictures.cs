using System.Runtime.InteropServices;
using SkiaSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Victims;

/// <summary>
/// A deterministic generator of 128 x 128 colour pictures of cats and dogs, drawn with SkiaSharp: the stand-in
/// for the Kaggle dogs-vs-cats photographs (which cannot be shipped). Picture <c>i</c> of seed <c>s</c> is always
/// the same picture: its random numbers come from (s, i) alone. Even indices are cats, odd indices dogs, so any
/// run of consecutive indices is balanced.
/// </summary>
public static class PetPictures
{
    /// <summary>Width and height of every picture, as the article's network takes them.</summary>
    public const int Size = 128;

    /// <summary>The class of picture <paramref name="index"/> (whatever the seed): even = cat, odd = dog.</summary>
    public static PetClass ClassOf(int index) => (index & 1) == 0 ? PetClass.Cat : PetClass.Dog;

    /// <summary>Draws picture <paramref name="index"/> of <paramref name="seed"/> (RGBA8888, opaque; the caller disposes it).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative.</exception>
    public static SKBitmap Draw(int seed, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var random = new PictureRandom(seed, index);
        var bitmap = new SKBitmap(ImageTensors.Rgba(Size, Size));
        using (var canvas = new SKCanvas(bitmap))
        {
            BackgroundPainter.Paint(canvas, Size, random);
            PetPainter.Paint(canvas, Size, ClassOf(index), random);
            Lighting.Paint(canvas, Size, random);
        }

        byte[] rgba = bitmap.GetPixelSpan().ToArray();
        Lighting.Expose(rgba, random);
        Marshal.Copy(rgba, 0, bitmap.GetPixels(), rgba.Length);
        return bitmap;
    }

    /// <summary>
    /// Pictures <paramref name="firstIndex"/> to <paramref name="firstIndex"/> + <paramref name="count"/> - 1 of
    /// <paramref name="seed"/>: images float32 [count, 3, 128, 128] in [0, 1] (channels first), labels int64 [count].
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative index or count.</exception>
    public static LabelledImages Generate(int seed, int firstIndex, int count)
    {
        using Tensor bytes = GenerateBytes(seed, firstIndex, count);
        Tensor images = bytes.to(ScalarType.Float32).div_(255f);
        return new LabelledImages(images, Labels(firstIndex, count), Enumerable.Range(firstIndex, count).Select(i => $"seed {seed} picture {i}").ToArray());
    }

    /// <summary>The same pictures as <see cref="Generate"/>, as bytes uint8 [count, 3, 128, 128] (a quarter of the memory, for training sets).</summary>
    internal static Tensor GenerateBytes(int seed, int firstIndex, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstIndex);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        int pictureBytes = 3 * Size * Size;
        byte[] planes = new byte[(long)count * pictureBytes > int.MaxValue
            ? throw new ArgumentOutOfRangeException(nameof(count), count, "Too many pictures for one tensor; generate them in chunks.")
            : count * pictureBytes];

        // Pictures are independent, so draw them on every core: the result does not depend on the order.
        Parallel.For(0, count, i =>
        {
            using SKBitmap bitmap = Draw(seed, firstIndex + i);
            ImageTensors.CopyChannelsFirst(bitmap, planes.AsSpan(i * pictureBytes, pictureBytes));
        });
        return torch.tensor(planes, [count, 3, Size, Size]);
    }

    /// <summary>Labels int64 [count] of pictures firstIndex onwards.</summary>
    internal static Tensor Labels(int firstIndex, int count) =>
        torch.tensor(Enumerable.Range(firstIndex, count).Select(i => (long)ClassOf(i)).ToArray(), ScalarType.Int64);
}
