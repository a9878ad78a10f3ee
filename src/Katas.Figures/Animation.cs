using ImageMagick;

namespace Katas.Figures;

/// <summary>Assembles rendered frames into an animated GIF with Magick.NET.</summary>
public static class Animation
{
    // GIF holds at most 256 colours per frame. Letting ImageMagick choose them costs seconds per
    // animation; snapping each pixel to a fixed 6×7×6 colour cube costs milliseconds, and plots
    // (flat colours, thin antialiased edges) look the same either way.
    private const int Reds = 6;
    private const int Greens = 7;
    private const int Blues = 6;

    private static readonly Lock Gate = new();
    private static List<(IReadOnlyList<Figure> Frames, string Path, int Delay)>? _deferred;

    /// <summary>
    /// Writes <paramref name="frames"/> as a looping GIF, rendered here; or, while <see cref="Defer"/> is in force, later, when
    /// <see cref="WriteDeferred"/> is called: a test runner shows the learner's board first and makes the animations after.
    /// </summary>
    /// <param name="frames">The frames in order, all the same size (figures are plain data, so rendering them later is safe).</param>
    /// <param name="path">The GIF to write; its folder is created.</param>
    /// <param name="frameDelayMilliseconds">Time each frame is shown.</param>
    public static void WriteGif(IReadOnlyList<Figure> frames, string path, int frameDelayMilliseconds = 200)
    {
        lock (Gate)
        {
            if (_deferred is not null)
            {
                _deferred.Add((frames, path, frameDelayMilliseconds));
                return;
            }
        }

        WriteGif(frames.Select(FigureRenderer.RenderRgba).ToList(), path, frameDelayMilliseconds);
    }

    /// <summary>From now on, animations are queued instead of written, until <see cref="WriteDeferred"/>.</summary>
    public static void Defer()
    {
        lock (Gate)
        {
            _deferred ??= [];
        }
    }

    /// <summary>Writes the queued animations and stops queueing; returns how many were written.</summary>
    public static int WriteDeferred()
    {
        List<(IReadOnlyList<Figure> Frames, string Path, int Delay)> queued;
        lock (Gate)
        {
            queued = _deferred ?? [];
            _deferred = null;
        }

        foreach ((IReadOnlyList<Figure> frames, string path, int delay) in queued)
        {
            WriteGif(frames.Select(FigureRenderer.RenderRgba).ToList(), path, delay);
        }

        return queued.Count;
    }

    /// <summary>Writes <paramref name="frames"/> as a looping GIF; the last frame is held longer.</summary>
    /// <param name="frames">The frames in order, all the same size.</param>
    /// <param name="path">The GIF to write; its folder is created.</param>
    /// <param name="frameDelayMilliseconds">Time each frame is shown.</param>
    public static void WriteGif(IReadOnlyList<RgbaImage> frames, string path, int frameDelayMilliseconds = 200)
    {
        if (frames.Count == 0)
        {
            throw new ArgumentException("An animation needs at least one frame.", nameof(frames));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var collection = new MagickImageCollection();
        for (int i = 0; i < frames.Count; i++)
        {
            RgbaImage frame = frames[i];
            var settings = new PixelReadSettings((uint)frame.Width, (uint)frame.Height, StorageType.Char, PixelMapping.RGB);
            var image = new MagickImage(SnapToPalette(frame), settings);
            bool last = i == frames.Count - 1;
            image.AnimationDelay = (uint)((last ? 8 : 1) * frameDelayMilliseconds / 10);
            image.AnimationIterations = 0;
            image.GifDisposeMethod = GifDisposeMethod.None;
            collection.Add(image);
        }

        collection.Write(path, MagickFormat.Gif);
    }

    private static byte[] SnapToPalette(RgbaImage frame)
    {
        byte[] rgb = new byte[frame.Width * frame.Height * 3];
        byte[] pixels = frame.Pixels;
        for (int source = 0, target = 0; target < rgb.Length; source += 4, target += 3)
        {
            rgb[target] = Snap(pixels[source], Reds);
            rgb[target + 1] = Snap(pixels[source + 1], Greens);
            rgb[target + 2] = Snap(pixels[source + 2], Blues);
        }

        return rgb;
    }

    private static byte Snap(byte value, int levels)
    {
        int level = (value * (levels - 1) + 127) / 255;
        return (byte)(level * 255 / (levels - 1));
    }
}
