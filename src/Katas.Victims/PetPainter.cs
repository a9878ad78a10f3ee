using SkiaSharp;

namespace Katas.Victims;

/// <summary>
/// Paints a cat or a dog, head on, with an optional body behind. What tells the classes apart is shape:
/// a cat has pointed upright ears, a round or wide head, slit pupils, a small nose and whiskers; a dog has
/// floppy hanging ears, a longer head, a protruding snout with a big nose, round pupils and sometimes a
/// tongue. Coat colours, markings, eye colours, pose, size and position come from the same ranges for both.
/// </summary>
internal static class PetPainter
{
    /// <summary>Paints the pet of class <paramref name="pet"/> onto a canvas <paramref name="size"/> pixels square.</summary>
    public static void Paint(SKCanvas canvas, int size, PetClass pet, PictureRandom random)
    {
        Coat coat = Coat.Random(random);
        float centreX = (size / 2f) + random.Uniform(-12, 12);
        float centreY = (size / 2f) + random.Uniform(-8, 12);
        float scale = random.Uniform(0.85f, 1.15f) * size / 128f;

        // Head radii: cats' heads are round to wide, dogs' round to long; the ranges overlap a little.
        float rx = random.Uniform(26, 33);
        float ry = pet == PetClass.Cat ? rx * random.Uniform(0.8f, 1.0f) : rx * random.Uniform(0.98f, 1.25f);

        canvas.Save();
        canvas.Translate(centreX, centreY);
        canvas.RotateDegrees(random.Uniform(-22, 22));
        canvas.Scale(scale * (random.Chance(0.5) ? -1 : 1), scale);

        if (random.Chance(0.7))
        {
            Body(canvas, coat, rx, ry, random);
        }

        if (pet == PetClass.Cat)
        {
            CatEars(canvas, coat, rx, ry, random);
        }

        using (var head = new SKPath())
        {
            head.AddOval(new SKRect(-rx, -ry, rx, ry));
            if (pet == PetClass.Cat && random.Chance(0.6))
            {
                // Cheek tufts widen a cat's face below the eyes.
                float cheek = rx * random.Uniform(0.35f, 0.5f);
                head.AddCircle(-rx * 0.6f, ry * 0.35f, cheek);
                head.AddCircle(rx * 0.6f, ry * 0.35f, cheek);
                using SKPath union = head.Simplify() ?? new SKPath(head);
                coat.Fill(canvas, union, random);
            }
            else
            {
                coat.Fill(canvas, head, random);
            }
        }

        if (pet == PetClass.Dog)
        {
            DogEars(canvas, coat, rx, ry, random);
        }

        Eyes(canvas, pet, rx, ry, random);
        if (pet == PetClass.Cat)
        {
            CatMuzzle(canvas, coat, rx, ry, random);
        }
        else
        {
            DogMuzzle(canvas, coat, rx, ry, random);
        }

        canvas.Restore();
    }

    private static void Body(SKCanvas canvas, Coat coat, float rx, float ry, PictureRandom random)
    {
        float bodyX = random.Uniform(-18, 18);
        float bodyY = ry + random.Uniform(12, 30);
        using var body = new SKPath();
        body.AddOval(SKRect.Create(bodyX - (rx * random.Uniform(1.1f, 1.7f)), bodyY - (ry * random.Uniform(0.8f, 1.2f)), rx * random.Uniform(2.2f, 3.4f), ry * random.Uniform(1.8f, 2.6f)));
        coat.Fill(canvas, body, random);
    }

    private static void CatEars(SKCanvas canvas, Coat coat, float rx, float ry, PictureRandom random)
    {
        SKColor inner = random.Chance(0.6) ? SKColor.FromHsl(random.Uniform(340, 360), random.Uniform(30, 60), random.Uniform(65, 80)) : FurPalette.Contrasting(coat.Base, random);
        float height = random.Uniform(1.45f, 1.85f);
        float lean = random.Uniform(0.45f, 0.8f);
        foreach (int side in new[] { -1, 1 })
        {
            var tip = new SKPoint(side * rx * (lean + random.Uniform(-0.05f, 0.05f)), -ry * height);
            var inside = new SKPoint(side * rx * random.Uniform(0.05f, 0.3f), -ry * 0.7f);
            var outside = new SKPoint(side * rx * random.Uniform(0.85f, 1.0f), -ry * 0.3f);
            using (var ear = Triangle(tip, inside, outside))
            {
                coat.Fill(canvas, ear, random);
            }

            var centroid = new SKPoint((tip.X + inside.X + outside.X) / 3f, (tip.Y + inside.Y + outside.Y) / 3f);
            using var innerEar = Triangle(Towards(tip, centroid, 0.3f), Towards(inside, centroid, 0.45f), Towards(outside, centroid, 0.45f));
            using var paint = new SKPaint { Color = inner, IsAntialias = true };
            canvas.DrawPath(innerEar, paint);
        }
    }

    private static void DogEars(SKCanvas canvas, Coat coat, float rx, float ry, PictureRandom random)
    {
        SKColor colour = random.Chance(0.3) ? coat.Marking : FurPalette.Shade(coat.Base, random.Uniform(-40, -15) * (coat.Base.Red + coat.Base.Green + coat.Base.Blue < 150 ? -1 : 1));
        var ears = coat with { Base = colour, Pattern = random.Chance(0.5) ? coat.Pattern : CoatPattern.Solid, Outlined = true };
        float width = rx * random.Uniform(0.4f, 0.6f);
        float drop = random.Uniform(0.3f, 0.9f);
        float spread = random.Uniform(0.85f, 1.25f);
        foreach (int side in new[] { -1, 1 })
        {
            // A teardrop hanging from the top of the head down along the cheek.
            var top = new SKPoint(side * rx * random.Uniform(0.4f, 0.65f), -ry * random.Uniform(0.75f, 0.95f));
            var bottom = new SKPoint(side * rx * spread, ry * drop);
            using var ear = new SKPath();
            ear.MoveTo(top.X - (side * width * 0.2f), top.Y);
            ear.CubicTo(top.X + (side * width * 1.6f), top.Y - (width * 0.2f), bottom.X + (side * width * 1.0f), bottom.Y - (width * 0.6f), bottom.X, bottom.Y + (width * 0.35f));
            ear.CubicTo(bottom.X - (side * width * 0.9f), bottom.Y + (width * 0.1f), top.X - (side * width * 0.2f), top.Y + width, top.X - (side * width * 0.2f), top.Y);
            ear.Close();
            ears.Fill(canvas, ear, random);
        }
    }

    private static void Eyes(SKCanvas canvas, PetClass pet, float rx, float ry, PictureRandom random)
    {
        SKColor iris = FurPalette.Iris(random);
        float eyeY = -ry * random.Uniform(0.05f, 0.22f);
        float eyeX = rx * random.Uniform(0.32f, 0.45f);
        float radius = rx * random.Uniform(0.13f, 0.19f);
        using var fill = new SKPaint { IsAntialias = true };
        using var outline = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1f, Color = new SKColor(20, 15, 10) };
        foreach (int side in new[] { -1, 1 })
        {
            float x = side * eyeX;
            if (pet == PetClass.Cat)
            {
                // Almond eye with a vertical slit pupil.
                float half = radius * 1.25f;
                float open = radius * random.Uniform(0.6f, 0.9f);
                using var eye = new SKPath();
                eye.MoveTo(x - half, eyeY + (side * half * 0.15f));
                eye.QuadTo(x, eyeY - (open * 2f), x + half, eyeY - (side * half * 0.15f));
                eye.QuadTo(x, eyeY + (open * 2f), x - half, eyeY + (side * half * 0.15f));
                eye.Close();
                fill.Color = iris;
                canvas.DrawPath(eye, fill);
                fill.Color = new SKColor(10, 8, 8);
                canvas.DrawOval(x, eyeY, radius * random.Uniform(0.12f, 0.35f), open * 0.95f, fill);
                canvas.DrawPath(eye, outline);
            }
            else
            {
                // Round eye with a round pupil.
                fill.Color = iris;
                canvas.DrawCircle(x, eyeY, radius, fill);
                fill.Color = new SKColor(10, 8, 8);
                canvas.DrawCircle(x, eyeY, radius * random.Uniform(0.45f, 0.7f), fill);
                canvas.DrawCircle(x, eyeY, radius, outline);
            }

            fill.Color = SKColors.White.WithAlpha(220);
            canvas.DrawCircle(x + (radius * 0.3f), eyeY - (radius * 0.35f), radius * 0.2f, fill);
        }
    }

    private static void CatMuzzle(SKCanvas canvas, Coat coat, float rx, float ry, PictureRandom random)
    {
        float noseY = ry * random.Uniform(0.2f, 0.32f);
        float noseWidth = rx * random.Uniform(0.12f, 0.2f);
        using var fill = new SKPaint { IsAntialias = true };
        if (random.Chance(0.5))
        {
            // Whisker pads.
            fill.Color = FurPalette.Shade(coat.Base, random.Uniform(5, 30));
            float pad = rx * random.Uniform(0.16f, 0.24f);
            canvas.DrawCircle(-pad * 0.85f, noseY + (pad * 0.9f), pad, fill);
            canvas.DrawCircle(pad * 0.85f, noseY + (pad * 0.9f), pad, fill);
        }

        fill.Color = random.Chance(0.6) ? SKColor.FromHsl(random.Uniform(340, 360), random.Uniform(35, 65), random.Uniform(55, 75)) : FurPalette.Shade(coat.Base, -40);
        using (var nose = Triangle(new SKPoint(-noseWidth / 2, noseY), new SKPoint(noseWidth / 2, noseY), new SKPoint(0, noseY + (noseWidth * 0.65f))))
        {
            canvas.DrawPath(nose, fill);
        }

        using var line = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1.1f, Color = FurPalette.Shade(coat.Base, -45) };
        float mouthTop = noseY + (noseWidth * 0.65f);
        float mouthBottom = mouthTop + (ry * 0.12f);
        canvas.DrawLine(0, mouthTop, 0, mouthBottom, line);
        using (var mouth = new SKPath())
        {
            // The "w" under a cat's nose.
            mouth.MoveTo(-rx * 0.2f, mouthBottom - (ry * 0.02f));
            mouth.QuadTo(-rx * 0.1f, mouthBottom + (ry * 0.1f), 0, mouthBottom);
            mouth.QuadTo(rx * 0.1f, mouthBottom + (ry * 0.1f), rx * 0.2f, mouthBottom - (ry * 0.02f));
            canvas.DrawPath(mouth, line);
        }

        using var whisker = new SKPaint
        {
            IsAntialias = true,
            Style = SKPaintStyle.Stroke,
            StrokeWidth = random.Uniform(1.0f, 1.8f),
            Color = FurPalette.Contrasting(coat.Base, random).WithAlpha((byte)random.Integer(200, 256)),
        };
        int perSide = random.Integer(3, 5);
        float length = random.Uniform(1.2f, 1.6f);
        foreach (int side in new[] { -1, 1 })
        {
            for (int i = 0; i < perSide; i++)
            {
                float startY = noseY + (ry * random.Uniform(0.05f, 0.25f));
                float endY = startY + (ry * ((i - ((perSide - 1) / 2f)) * 0.22f)) + (ry * random.Uniform(-0.05f, 0.05f));
                using var path = new SKPath();
                path.MoveTo(side * rx * 0.18f, startY);
                path.QuadTo(side * rx * 0.7f, startY - (ry * 0.06f), side * rx * (length + random.Uniform(-0.1f, 0.1f)), endY);
                canvas.DrawPath(path, whisker);
            }
        }
    }

    private static void DogMuzzle(SKCanvas canvas, Coat coat, float rx, float ry, PictureRandom random)
    {
        float snoutY = ry * random.Uniform(0.4f, 0.58f);
        float snoutRx = rx * random.Uniform(0.5f, 0.65f);
        float snoutRy = ry * random.Uniform(0.34f, 0.48f);
        using var fill = new SKPaint { IsAntialias = true };
        using var line = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1.2f, Color = FurPalette.Shade(coat.Base, -45) };

        // The snout sticks out of the head's outline.
        fill.Color = random.Chance(0.5) ? FurPalette.Shade(coat.Base, random.Uniform(0, 30)) : FurPalette.Coat(random);
        var snout = new SKRect(-snoutRx, snoutY - snoutRy, snoutRx, snoutY + snoutRy);
        canvas.DrawOval(snout, fill);
        canvas.DrawOval(snout, line);

        float noseY = snoutY - (snoutRy * random.Uniform(0.25f, 0.5f));
        float noseRx = rx * random.Uniform(0.2f, 0.3f);
        float noseRy = noseRx * random.Uniform(0.6f, 0.8f);
        bool tongue = random.Chance(0.4);
        float mouthY = snoutY + (snoutRy * random.Uniform(0.25f, 0.5f));
        if (tongue)
        {
            fill.Color = SKColor.FromHsl(random.Uniform(345, 360), random.Uniform(50, 75), random.Uniform(55, 70));
            canvas.DrawOval(new SKRect(-snoutRx * 0.35f, mouthY - 2, snoutRx * 0.35f, mouthY + (snoutRy * random.Uniform(0.8f, 1.3f))), fill);
        }

        canvas.DrawLine(0, noseY + noseRy, 0, mouthY, line);
        using (var mouth = new SKPath())
        {
            mouth.MoveTo(-snoutRx * 0.7f, mouthY - (snoutRy * 0.25f));
            mouth.QuadTo(-snoutRx * 0.3f, mouthY + (snoutRy * 0.2f), 0, mouthY);
            mouth.QuadTo(snoutRx * 0.3f, mouthY + (snoutRy * 0.2f), snoutRx * 0.7f, mouthY - (snoutRy * 0.25f));
            canvas.DrawPath(mouth, line);
        }

        fill.Color = SKColor.FromHsl(random.Uniform(0, 30), random.Uniform(0, 30), random.Uniform(5, 20));
        canvas.DrawOval(0, noseY, noseRx, noseRy, fill);
        fill.Color = SKColors.White.WithAlpha(150);
        canvas.DrawOval(-noseRx * 0.3f, noseY - (noseRy * 0.4f), noseRx * 0.3f, noseRy * 0.2f, fill);
    }

    private static SKPath Triangle(SKPoint a, SKPoint b, SKPoint c)
    {
        var path = new SKPath();
        path.MoveTo(a);
        path.LineTo(b);
        path.LineTo(c);
        path.Close();
        return path;
    }

    private static SKPoint Towards(SKPoint from, SKPoint to, float fraction) =>
        new(from.X + ((to.X - from.X) * fraction), from.Y + ((to.Y - from.Y) * fraction));
}
