using SkiaSharp;

namespace Katas.Victims;

/// <summary>How a coat is marked (both classes get every kind).</summary>
internal enum CoatPattern
{
    Solid,
    Stripes,
    Spots,
    Patches,
}

/// <summary>A pet's coat: base colour, marking colour and pattern, and how it is filled into a shape.</summary>
internal sealed record Coat(SKColor Base, SKColor Marking, CoatPattern Pattern, float StripeAngle, bool Outlined)
{
    /// <summary>A random coat from the palette both classes share.</summary>
    public static Coat Random(PictureRandom random)
    {
        SKColor baseColour = FurPalette.Coat(random);
        SKColor marking = random.Chance(0.5) ? FurPalette.Shade(baseColour, random.Uniform(-40, -15)) : FurPalette.Coat(random);
        CoatPattern pattern = (CoatPattern)random.Integer(0, 4);
        return new Coat(baseColour, marking, pattern, random.Uniform(-30, 30), random.Chance(0.6));
    }

    /// <summary>Fills <paramref name="shape"/> with the coat: base colour, markings clipped to the shape, soft shading at the rim.</summary>
    public void Fill(SKCanvas canvas, SKPath shape, PictureRandom random)
    {
        using (var paint = new SKPaint { Color = Base, IsAntialias = true })
        {
            canvas.DrawPath(shape, paint);
        }

        SKRect bounds = shape.Bounds;
        canvas.Save();
        canvas.ClipPath(shape, antialias: true);
        using (var marking = new SKPaint { Color = Marking, IsAntialias = true })
        {
            switch (Pattern)
            {
                case CoatPattern.Stripes:
                    marking.Style = SKPaintStyle.Stroke;
                    marking.StrokeWidth = random.Uniform(1.5f, 4f);
                    float spacing = random.Uniform(5, 10);
                    canvas.Save();
                    canvas.RotateDegrees(StripeAngle, bounds.MidX, bounds.MidY);
                    for (float x = bounds.Left - bounds.Height; x < bounds.Right + bounds.Height; x += spacing)
                    {
                        using var stripe = new SKPath();
                        stripe.MoveTo(x, bounds.Top - 5);
                        stripe.QuadTo(x + random.Uniform(-6, 6), bounds.MidY, x + random.Uniform(-3, 3), bounds.Bottom + 5);
                        canvas.DrawPath(stripe, marking);
                    }

                    canvas.Restore();
                    break;
                case CoatPattern.Spots:
                    int spots = random.Integer(4, 14);
                    for (int i = 0; i < spots; i++)
                    {
                        canvas.DrawOval(random.Uniform(bounds.Left, bounds.Right), random.Uniform(bounds.Top, bounds.Bottom), random.Uniform(2, 7), random.Uniform(2, 7), marking);
                    }

                    break;
                case CoatPattern.Patches:
                    int patches = random.Integer(1, 3);
                    for (int i = 0; i < patches; i++)
                    {
                        canvas.DrawOval(random.Uniform(bounds.Left, bounds.Right), random.Uniform(bounds.Top, bounds.Bottom), random.Uniform(8, 22), random.Uniform(8, 22), marking);
                    }

                    break;
            }
        }

        // Shading: darker towards the rim, so the fur reads as a rounded surface.
        using (var rim = SKShader.CreateRadialGradient(new SKPoint(bounds.MidX, bounds.MidY), Math.Max(bounds.Width, bounds.Height) * 0.6f,
                   [SKColors.Transparent, new SKColor(0, 0, 0, (byte)random.Integer(20, 90))], [0.55f, 1f], SKShaderTileMode.Clamp))
        using (var shade = new SKPaint { Shader = rim })
        {
            canvas.DrawRect(bounds, shade);
        }

        canvas.Restore();
        if (Outlined)
        {
            using var outline = new SKPaint { Color = FurPalette.Shade(Base, -35), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1.2f };
            canvas.DrawPath(shape, outline);
        }
    }
}
