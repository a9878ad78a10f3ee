namespace Katas.Figures;

/// <summary>A rendered picture as 8-bit RGBA pixels, row by row.</summary>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Pixels">Width × Height × 4 bytes.</param>
public sealed record RgbaImage(int Width, int Height, byte[] Pixels);
