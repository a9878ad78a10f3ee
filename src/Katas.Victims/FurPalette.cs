using SkiaSharp;

namespace Katas.Victims;

/// <summary>
/// Colours shared by both classes: fur, eyes and backgrounds come from the same ranges for cats and dogs,
/// so no colour tells the classes apart and the network has to learn shapes (ears, muzzle, whiskers, eyes).
/// </summary>
internal static class FurPalette
{
    // Hue range, saturation range and lightness range (HSL, degrees and percent) of coat colours
    // found on both cats and dogs: ginger, cream, brown, black, grey, white, golden, tan.
    private static readonly (float H0, float H1, float S0, float S1, float L0, float L1)[] Coats =
    [
        (22, 34, 60, 80, 45, 60),
        (35, 45, 35, 60, 75, 88),
        (18, 30, 35, 60, 22, 38),
        (0, 360, 0, 10, 7, 18),
        (195, 225, 4, 15, 40, 65),
        (0, 360, 0, 8, 86, 96),
        (38, 48, 55, 80, 50, 65),
        (26, 36, 25, 50, 55, 70),
    ];

    // Iris colours both classes can have: amber, brown, green, blue, near black.
    private static readonly SKColor[] Irises =
    [
        new(0xD9, 0x9A, 0x1E), new(0x7A, 0x4A, 0x1C), new(0x6E, 0xA8, 0x3A), new(0x5C, 0x8F, 0xC9), new(0x2A, 0x1E, 0x16),
    ];

    /// <summary>A coat colour.</summary>
    public static SKColor Coat(PictureRandom random)
    {
        var (h0, h1, s0, s1, l0, l1) = random.Pick(Coats);
        return SKColor.FromHsl(random.Uniform(h0, h1) % 360f, random.Uniform(s0, s1), random.Uniform(l0, l1));
    }

    /// <summary>An iris colour, slightly varied.</summary>
    public static SKColor Iris(PictureRandom random) => Shade(random.Pick(Irises), random.Uniform(-15, 15));

    /// <summary>Any colour at all, for backgrounds and clutter.</summary>
    public static SKColor Any(PictureRandom random, float minLightness = 10, float maxLightness = 92) =>
        SKColor.FromHsl(random.Uniform(0, 360), random.Uniform(0, 75), random.Uniform(minLightness, maxLightness));

    /// <summary>The colour made lighter (positive) or darker (negative) by <paramref name="percent"/> points of lightness.</summary>
    public static SKColor Shade(SKColor colour, float percent)
    {
        colour.ToHsl(out float h, out float s, out float l);
        return SKColor.FromHsl(h, s, Math.Clamp(l + percent, 2f, 98f)).WithAlpha(colour.Alpha);
    }

    /// <summary>A colour well apart from <paramref name="colour"/> in lightness, for whiskers and outlines.</summary>
    public static SKColor Contrasting(SKColor colour, PictureRandom random)
    {
        colour.ToHsl(out _, out _, out float l);
        return l > 50 ? SKColor.FromHsl(0, 0, random.Uniform(5, 25)) : SKColor.FromHsl(0, 0, random.Uniform(80, 97));
    }
}
