using System.Reflection;
using ScottPlot;
using SkiaSharp;

namespace Katas.Figures;

/// <summary>Draws a <see cref="Figure"/> with ScottPlot, panels side by side under the title, in the bundled DejaVu Sans font.</summary>
public static class FigureRenderer
{
    private const string FontFamily = "DejaVu Sans";
    private const int TitleHeight = 44;
    private static readonly Lock FontLock = new();
    private static SKTypeface? _titleTypeface;

    /// <summary>Renders <paramref name="figure"/> to PNG bytes.</summary>
    public static byte[] RenderPng(Figure figure)
    {
        using SKImage image = Render(figure);
        using SKData png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>Renders <paramref name="figure"/> to raw RGBA pixels (for animations).</summary>
    public static RgbaImage RenderRgba(Figure figure)
    {
        using SKImage image = Render(figure);
        var info = new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        byte[] pixels = new byte[info.BytesSize];
        using (var bitmap = new SKBitmap(info))
        {
            image.ReadPixels(info, bitmap.GetPixels(), info.RowBytes, 0, 0);
            System.Runtime.InteropServices.Marshal.Copy(bitmap.GetPixels(), pixels, 0, pixels.Length);
        }

        return new RgbaImage(image.Width, image.Height, pixels);
    }

    private static SKImage Render(Figure figure)
    {
        EnsureFontsLoaded();
        var info = new SKImageInfo(figure.Width, figure.Height);
        using var surface = SKSurface.Create(info);
        SKCanvas canvas = surface.Canvas;
        canvas.Clear(SKColors.White);

        // ScottPlot clears whatever canvas it renders to, so each panel is drawn on its own surface first.
        int panelWidth = figure.Width / Math.Max(1, figure.Panels.Count);
        int panelHeight = figure.Height - TitleHeight;
        for (int i = 0; i < figure.Panels.Count; i++)
        {
            using var panelSurface = SKSurface.Create(new SKImageInfo(panelWidth, panelHeight));
            BuildPlot(figure.Panels[i]).Render(panelSurface.Canvas, panelWidth, panelHeight);
            using SKImage panelImage = panelSurface.Snapshot();
            canvas.DrawImage(panelImage, i * panelWidth, TitleHeight);
        }

        DrawTitle(canvas, figure);
        return surface.Snapshot();
    }

    /// <summary>Renders <paramref name="figure"/> to a PNG file, creating its folder.</summary>
    public static void SavePng(Figure figure, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllBytes(path, RenderPng(figure));
    }

    private static Plot BuildPlot(Panel panel)
    {
        var plot = new Plot();
        plot.Font.Set(FontFamily);
        plot.Title(panel.Title, size: 15);
        plot.XLabel(panel.XLabel, size: 13);
        plot.YLabel(panel.YLabel, size: 13);
        if (panel.Contours is { } grid)
        {
            var points = new Coordinates3d[grid.Ys.Count, grid.Xs.Count];
            for (int i = 0; i < grid.Ys.Count; i++)
            {
                for (int j = 0; j < grid.Xs.Count; j++)
                {
                    points[i, j] = new Coordinates3d(grid.Xs[j], grid.Ys[i], grid.Z[i, j]);
                }
            }

            var contours = plot.Add.ContourLines(points, grid.Levels);
            contours.LineColor = Color.FromHex("#b0b0b0");
        }

        if (panel.Image is { } image)
        {
            AddImage(plot, image);
        }

        foreach (Series series in panel.Series)
        {
            AddSeries(plot, series);
        }

        plot.Axes.SetLimits(panel.Limits.XMin, panel.Limits.XMax, panel.Limits.YMin, panel.Limits.YMax);
        if (panel.SquareAxes)
        {
            plot.Axes.SquareUnits();
        }

        if (panel.ShowLegend)
        {
            plot.ShowLegend(panel.LegendUpperLeft ? Alignment.UpperLeft : Alignment.UpperRight);
        }
        else
        {
            plot.HideLegend();
        }

        return plot;
    }

    private static void AddImage(Plot plot, PixelImage image)
    {
        int rows = image.Values.GetLength(0);
        int columns = image.Values.GetLength(1);
        // ScottPlot draws intensities[0, 0] at the top left; ink 1 is drawn black on white, as the book's cmap=binary.
        var paper = new double[rows, columns];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                paper[r, c] = 1 - image.Values[r, c];
            }
        }

        var heatmap = plot.Add.Heatmap(paper);
        heatmap.Colormap = new ScottPlot.Colormaps.Grayscale();
        heatmap.ManualRange = new ScottPlot.Range(0, 1);
        heatmap.Extent = new CoordinateRect(0, columns, 0, rows);
    }

    private static void AddSeries(Plot plot, Series series)
    {
        Color color = Color.FromHex(series.Color);
        double[] xs = [.. series.Xs];
        double[] ys = [.. series.Ys];
        switch (series.Style)
        {
            case SeriesStyle.Markers:
                var markers = plot.Add.ScatterPoints(xs, ys, color);
                markers.MarkerSize = 5;
                markers.LegendText = series.Label;
                break;
            case SeriesStyle.Line:
                var line = plot.Add.ScatterLine(xs, ys, color);
                line.LineWidth = 2.5f;
                line.LegendText = series.Label;
                break;
            case SeriesStyle.ReferenceLine:
                var reference = plot.Add.HorizontalLine(ys[0], 1.5f, color, LinePattern.Dashed);
                reference.LegendText = series.Label;
                break;
            case SeriesStyle.Segments:
                for (int i = 0; i + 1 < xs.Length; i += 2)
                {
                    var segment = plot.Add.Line(xs[i], ys[i], xs[i + 1], ys[i + 1]);
                    segment.Color = color;
                    segment.LineWidth = 1.5f;
                    segment.MarkerSize = 0;
                    segment.LegendText = i == 0 ? series.Label : "";
                }

                break;
            case SeriesStyle.Highlight:
                var highlight = plot.Add.ScatterPoints(xs, ys, color);
                highlight.MarkerSize = 11;
                highlight.MarkerShape = MarkerShape.FilledDiamond;
                highlight.LegendText = series.Label;
                break;
        }
    }

    private static void DrawTitle(SKCanvas canvas, Figure figure)
    {
        using var font = new SKFont(_titleTypeface, 20);
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        float width = font.MeasureText(figure.Title);
        canvas.DrawText(figure.Title, (figure.Width - width) / 2, 30, SKTextAlign.Left, font, paint);
    }

    /// <summary>Registers the bundled fonts once, so every machine draws with the same typeface.</summary>
    private static void EnsureFontsLoaded()
    {
        lock (FontLock)
        {
            if (_titleTypeface is not null)
            {
                return;
            }

            string folder = Path.Combine(Path.GetTempPath(), "katas-fonts");
            Directory.CreateDirectory(folder);
            string regular = Extract("DejaVuSans.ttf", folder);
            string bold = Extract("DejaVuSans-Bold.ttf", folder);
            Fonts.AddFontFile(FontFamily, regular, bold: false, italic: false);
            Fonts.AddFontFile(FontFamily, bold, bold: true, italic: false);
            Fonts.Default = FontFamily;
            _titleTypeface = SKTypeface.FromFile(bold);
        }
    }

    private static string Extract(string name, string folder)
    {
        string path = Path.Combine(folder, name);
        using Stream resource = Assembly.GetExecutingAssembly().GetManifestResourceStream("Katas.Fonts." + name)
            ?? throw new InvalidOperationException($"The font {name} is not embedded in Katas.Support.");
        if (!File.Exists(path) || new FileInfo(path).Length != resource.Length)
        {
            string temporary = path + "." + Environment.ProcessId + ".tmp";
            using (FileStream file = File.Create(temporary))
            {
                resource.CopyTo(file);
            }

            File.Move(temporary, path, overwrite: true);
        }

        return path;
    }
}
