using System.Globalization;
using Katas.Figures;
using Katas.Victims;
using SkiaSharp;
using static TorchSharp.torch;

namespace Katas.Adversarial.Kit;

/// <summary>
/// Draws kata 03's figures with the colour pictures in them (the figure model draws grey-scale images only): the strip
/// of pictures with their verdicts and probability bars, and the patch view's grids of counts. Everything drawn comes
/// from the figures' data, which the snapshots pin; the pictures are lossless PNGs.
/// </summary>
public static class PictureDrawing
{
    private const int Scale = 2;
    private const int Margin = 16;
    private const int TitleHeight = 40;

    /// <summary>Saves one picture [3, H, W] in [0, 1] as a lossless 8-bit PNG (each value rounded to the nearest count).</summary>
    public static void SavePng(Tensor picture, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using SKBitmap bitmap = ImageTensors.ToBitmap(picture);
        Save(bitmap, path);
    }

    /// <summary>
    /// The strip: the figure's title, then per panel its verdict, the picture (twice its size), a bar per class with its
    /// probability, and the panel's x label (the step and the largest change).
    /// </summary>
    public static void SaveStrip(Figure strip, IReadOnlyList<Tensor> pictures, string path)
    {
        ArgumentNullException.ThrowIfNull(strip);
        ArgumentNullException.ThrowIfNull(pictures);
        int side = (int)pictures[0].shape[^1] * Scale;
        int columnWidth = side + (2 * Margin);
        int barsHeight = 22 * strip.Panels[0].Series.Count;
        int height = TitleHeight + 30 + side + 12 + barsHeight + 30;
        using var surface = SKSurface.Create(new SKImageInfo(columnWidth * strip.Panels.Count, height));
        SKCanvas canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var titleFont = new SKFont(SKTypeface.Default, 20);
        using var font = new SKFont(SKTypeface.Default, 15);
        using var small = new SKFont(SKTypeface.Default, 12);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        canvas.DrawText(strip.Title, Margin, 28, titleFont, ink);
        for (int k = 0; k < strip.Panels.Count; k++)
        {
            Panel panel = strip.Panels[k];
            float x = k * columnWidth + Margin;
            float y = TitleHeight;
            canvas.DrawText(panel.Title, x, y + 20, font, ink);
            using (SKBitmap bitmap = ImageTensors.ToBitmap(pictures[k]))
            using (SKImage image = SKImage.FromBitmap(bitmap))
            {
                canvas.DrawImage(image, new SKRect(x, y + 30, x + side, y + 30 + side), new SKSamplingOptions(SKFilterMode.Nearest));
            }

            float barTop = y + 30 + side + 12;
            foreach (Series bar in panel.Series)
            {
                using var fill = new SKPaint { Color = SKColor.Parse(bar.Color), IsAntialias = true };
                using var frame = new SKPaint { Color = SKColors.Gray, Style = SKPaintStyle.Stroke, StrokeWidth = 1 };
                canvas.DrawRect(x, barTop, (float)(side * bar.Xs[1]), 14, fill);
                canvas.DrawRect(x, barTop, side, 14, frame);
                canvas.DrawText(bar.Label, x + 4, barTop + 12, small, ink);
                barTop += 22;
            }

            canvas.DrawText(panel.XLabel, x, barTop + 14, small, ink);
        }

        using SKImage snapshot = surface.Snapshot();
        WritePng(snapshot, path);
    }

    /// <summary>The patch view: per panel a 6 x 6 grid of cells coloured by their count (red channel; the difference in blue and red), each with its number.</summary>
    public static void SavePatch(Figure patch, string path)
    {
        ArgumentNullException.ThrowIfNull(patch);
        const int cell = 56;
        int gridSide = cell * AdversarialFigures.PatchSize;
        int columnWidth = gridSide + (2 * Margin);
        using var surface = SKSurface.Create(new SKImageInfo(columnWidth * patch.Panels.Count, TitleHeight + 30 + gridSide + 40));
        SKCanvas canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var titleFont = new SKFont(SKTypeface.Default, 20);
        using var font = new SKFont(SKTypeface.Default, 15);
        using var numberFont = new SKFont(SKTypeface.Default, 17);
        using var small = new SKFont(SKTypeface.Default, 12);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        canvas.DrawText(patch.Title, Margin, 28, titleFont, ink);
        for (int p = 0; p < patch.Panels.Count; p++)
        {
            Panel panel = patch.Panels[p];
            bool difference = panel.Limits.YMin < 0;
            int[,] counts = AdversarialFigures.Counts(panel);
            float left = p * columnWidth + Margin;
            float top = TitleHeight + 30;
            canvas.DrawText(panel.Title, left, TitleHeight + 18, font, ink);
            for (int r = 0; r < AdversarialFigures.PatchSize; r++)
            {
                for (int c = 0; c < AdversarialFigures.PatchSize; c++)
                {
                    int value = counts[r, c];
                    SKColor color = difference
                        ? (value >= 0 ? new SKColor(255, (byte)(255 - Math.Min(255, 50 * value)), (byte)(255 - Math.Min(255, 50 * value)))
                                      : new SKColor((byte)(255 - Math.Min(255, -50 * value)), (byte)(255 - Math.Min(255, -50 * value)), 255))
                        : new SKColor((byte)value, 0, 0);
                    using var fill = new SKPaint { Color = color };
                    canvas.DrawRect(left + (c * cell), top + (r * cell), cell, cell, fill);
                    using var text = new SKPaint { Color = !difference && value < 140 ? SKColors.White : SKColors.Black, IsAntialias = true };
                    string number = value.ToString(difference ? "+0;-0;0" : "0", CultureInfo.InvariantCulture);
                    canvas.DrawText(number, left + (c * cell) + (cell / 2f), top + (r * cell) + (cell / 2f) + 6, SKTextAlign.Center, numberFont, text);
                }
            }

            canvas.DrawText(panel.XLabel, left, top + gridSide + 24, small, ink);
        }

        using SKImage snapshot = surface.Snapshot();
        WritePng(snapshot, path);
    }

    private static void Save(SKBitmap bitmap, string path)
    {
        using SKImage image = SKImage.FromBitmap(bitmap);
        WritePng(image, path);
    }

    /// <summary>Encodes <paramref name="image"/> as a lossless PNG and writes it, creating the folder first (a fresh clone has no artifacts/ yet).</summary>
    private static void WritePng(SKImage image, string path)
    {
        using SKData png = image.Encode(SKEncodedImageFormat.Png, 100);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllBytes(path, png.ToArray());
    }
}
