using SkiaSharp;

namespace Katas.Victims;

/// <summary>
/// Paints the scene behind the pet: noise, wallpaper stripes, tiles, blurred blobs, a floor with grass, plus
/// some clutter. The same backgrounds go behind cats and dogs, so they carry no information about the class.
/// </summary>
internal static class BackgroundPainter
{
    /// <summary>Fills the whole canvas (<paramref name="size"/> pixels square).</summary>
    public static void Paint(SKCanvas canvas, int size, PictureRandom random)
    {
        switch (random.Integer(0, 5))
        {
            case 0: Noise(canvas, size, random); break;
            case 1: Stripes(canvas, size, random); break;
            case 2: Tiles(canvas, size, random); break;
            case 3: Blobs(canvas, size, random); break;
            default: Floor(canvas, size, random); break;
        }

        int clutter = random.Integer(0, 3);
        for (int i = 0; i < clutter; i++)
        {
            Clutter(canvas, size, random);
        }
    }

    private static void Noise(SKCanvas canvas, int size, PictureRandom random)
    {
        canvas.Clear(FurPalette.Any(random));
        float frequency = random.Uniform(0.02f, 0.2f);
        using var noise = random.Chance(0.5)
            ? SKShader.CreatePerlinNoiseFractalNoise(frequency, frequency * random.Uniform(0.5f, 2f), random.Integer(1, 5), random.Uniform(0, 1000))
            : SKShader.CreatePerlinNoiseTurbulence(frequency, frequency * random.Uniform(0.5f, 2f), random.Integer(1, 5), random.Uniform(0, 1000));
        using var paint = new SKPaint { Shader = noise, BlendMode = random.Chance(0.5) ? SKBlendMode.Overlay : SKBlendMode.Multiply };
        canvas.DrawRect(0, 0, size, size, paint);
    }

    private static void Stripes(SKCanvas canvas, int size, PictureRandom random)
    {
        SKColor a = FurPalette.Any(random);
        SKColor b = FurPalette.Any(random);
        using (var gradient = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(size, size * random.Uniform(0, 1)), [a, b], SKShaderTileMode.Clamp))
        using (var fill = new SKPaint { Shader = gradient })
        {
            canvas.DrawRect(0, 0, size, size, fill);
        }

        using var line = new SKPaint { Color = FurPalette.Any(random).WithAlpha((byte)random.Integer(40, 140)), StrokeWidth = random.Uniform(1, 8), IsAntialias = true, Style = SKPaintStyle.Stroke };
        float spacing = random.Uniform(6, 24);
        canvas.Save();
        canvas.RotateDegrees(random.Uniform(0, 180), size / 2f, size / 2f);
        for (float x = -size; x < 2 * size; x += spacing)
        {
            canvas.DrawLine(x, -size, x, 2 * size, line);
        }

        canvas.Restore();
    }

    private static void Tiles(SKCanvas canvas, int size, PictureRandom random)
    {
        SKColor a = FurPalette.Any(random);
        SKColor b = FurPalette.Shade(a, random.Uniform(-25, 25));
        float tile = random.Uniform(6, 28);
        canvas.Clear(a);
        using var paint = new SKPaint { Color = b, IsAntialias = true };
        canvas.Save();
        canvas.RotateDegrees(random.Uniform(-45, 45), size / 2f, size / 2f);
        for (int row = -12; row < 24; row++)
        {
            for (int column = -12; column < 24; column++)
            {
                if ((row + column) % 2 == 0)
                {
                    canvas.DrawRect(column * tile, row * tile, tile, tile, paint);
                }
            }
        }

        canvas.Restore();
    }

    private static void Blobs(SKCanvas canvas, int size, PictureRandom random)
    {
        canvas.Clear(FurPalette.Any(random));
        using var blur = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, random.Uniform(1, 6));
        using var paint = new SKPaint { IsAntialias = true, MaskFilter = blur };
        int count = random.Integer(15, 60);
        for (int i = 0; i < count; i++)
        {
            paint.Color = FurPalette.Any(random).WithAlpha((byte)random.Integer(60, 220));
            canvas.DrawCircle(random.Uniform(0, size), random.Uniform(0, size), random.Uniform(3, 22), paint);
        }
    }

    private static void Floor(SKCanvas canvas, int size, PictureRandom random)
    {
        float horizon = random.Uniform(0.35f, 0.75f) * size;
        canvas.Clear(FurPalette.Any(random));
        using var floor = new SKPaint { Color = FurPalette.Any(random) };
        canvas.DrawRect(0, horizon, size, size - horizon, floor);
        using var blade = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = random.Uniform(0.8f, 2f) };
        SKColor grass = FurPalette.Any(random, 20, 70);
        int blades = random.Integer(40, 300);
        for (int i = 0; i < blades; i++)
        {
            float x = random.Uniform(0, size);
            float y = random.Uniform(horizon, size + 10);
            blade.Color = FurPalette.Shade(grass, random.Uniform(-20, 20));
            canvas.DrawLine(x, y, x + random.Uniform(-5, 5), y - random.Uniform(4, 16), blade);
        }
    }

    /// <summary>A stray line, rectangle or ring in the scene (a toy, a cushion, a table edge).</summary>
    private static void Clutter(SKCanvas canvas, int size, PictureRandom random)
    {
        using var paint = new SKPaint
        {
            Color = FurPalette.Any(random).WithAlpha((byte)random.Integer(120, 255)),
            IsAntialias = true,
            Style = random.Chance(0.5) ? SKPaintStyle.Fill : SKPaintStyle.Stroke,
            StrokeWidth = random.Uniform(1, 5),
        };
        float x = random.Uniform(0, size);
        float y = random.Uniform(0, size);
        switch (random.Integer(0, 3))
        {
            case 0:
                canvas.DrawLine(x, y, random.Uniform(0, size), random.Uniform(0, size), paint);
                break;
            case 1:
                canvas.Save();
                canvas.RotateDegrees(random.Uniform(0, 90), x, y);
                canvas.DrawRect(x, y, random.Uniform(8, 40), random.Uniform(8, 40), paint);
                canvas.Restore();
                break;
            default:
                canvas.DrawOval(x, y, random.Uniform(4, 16), random.Uniform(4, 16), paint);
                break;
        }
    }
}
