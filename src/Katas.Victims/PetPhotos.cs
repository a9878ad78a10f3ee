using System.Globalization;
using System.Text.RegularExpressions;
using SkiaSharp;

namespace Katas.Victims;

/// <summary>Real photographs for the pets classifier, from a folder laid out like Kaggle's dogs-vs-cats training set.</summary>
public static partial class PetPhotos
{
    /// <summary>
    /// Reads the photographs of <paramref name="directory"/> named as in Kaggle's dogs-vs-cats training set,
    /// cat.N.jpg and dog.N.jpg (any extension SkiaSharp decodes: jpg, png, webp, gif, bmp), in order of class
    /// then N. Each is decoded with SkiaSharp and stretched to 128 x 128, as Keras' target_size does (the
    /// article's pipeline); transparency is laid on white. A file with another name, or that does not decode,
    /// or whose data stops short, is never an error: it is listed in <see cref="KaggleFolder.Skipped"/> with
    /// the reason. Subfolders are not searched.
    /// </summary>
    /// <param name="directory">The folder (Kaggle's train/ folder, or any folder of such files).</param>
    /// <param name="maxPerClass">At most this many cats and this many dogs (the lowest N first); null for all. The full
    /// Kaggle set, 25,000 photographs, would take 4.9 GB as float32.</param>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxPerClass"/> is negative.</exception>
    public static KaggleFolder LoadKaggleFolder(string directory, int? maxPerClass = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (maxPerClass is { } max)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(max, nameof(maxPerClass));
        }

        string folder = Path.GetFullPath(directory);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"No folder {folder}: expected a folder of cat.N.jpg and dog.N.jpg files (Kaggle's dogs-vs-cats train/ folder).");
        }

        var skipped = new List<SkippedFile>();
        var candidates = new List<(PetClass Class, long Number, string Name)>();
        foreach (string path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(path);
            Match match = KaggleName().Match(name);
            if (!match.Success)
            {
                skipped.Add(new SkippedFile(name, "the name is not cat.N.ext or dog.N.ext, so its class is unknown"));
                continue;
            }

            PetClass pet = match.Groups["class"].Value.Equals("cat", StringComparison.OrdinalIgnoreCase) ? PetClass.Cat : PetClass.Dog;
            candidates.Add((pet, long.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture), name));
        }

        var names = new List<string>();
        var labels = new List<long>();
        using var planes = new MemoryStream();
        byte[] picture = new byte[3 * PetPictures.Size * PetPictures.Size];
        foreach (var group in candidates.OrderBy(c => c.Class).ThenBy(c => c.Number).ThenBy(c => c.Name, StringComparer.Ordinal).GroupBy(c => c.Class))
        {
            int taken = 0;
            foreach (var (pet, _, name) in group)
            {
                if (taken == maxPerClass)
                {
                    break;
                }

                string? problem = TryRead(Path.Combine(folder, name), picture);
                if (problem is not null)
                {
                    skipped.Add(new SkippedFile(name, problem));
                    continue;
                }

                planes.Write(picture);
                names.Add(name);
                labels.Add((long)pet);
                taken++;
            }
        }

        var images = ImageTensors.ToUnitFloats(planes.ToArray(), names.Count, PetPictures.Size);
        var pictures = new LabelledImages(images, TorchSharp.torch.tensor(labels.ToArray(), TorchSharp.torch.ScalarType.Int64), names);
        return new KaggleFolder(folder, pictures, skipped);
    }

    /// <summary>Decodes one file into <paramref name="destination"/> (channels first, 128 x 128); returns why not, or null.</summary>
    private static string? TryRead(string path, byte[] destination)
    {
        try
        {
            using var codec = SKCodec.Create(path, out SKCodecResult opened);
            if (codec is null)
            {
                return $"not an image SkiaSharp can decode ({opened})";
            }

            // Let the decoder shrink big JPEGs itself (a fast power-of-two downscale), never below 128 pixels.
            float scale = Math.Min(1f, Math.Max((float)PetPictures.Size / codec.Info.Width, (float)PetPictures.Size / codec.Info.Height));
            SKSizeI size = codec.GetScaledDimensions(scale);
            var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
            using var decoded = new SKBitmap(info);
            SKCodecResult result = codec.GetPixels(info, decoded.GetPixels());
            if (result != SKCodecResult.Success)
            {
                return result == SKCodecResult.IncompleteInput ? "the image data stops short (truncated or damaged file)" : $"the image does not decode ({result})";
            }

            using var resized = new SKBitmap(ImageTensors.Rgba(PetPictures.Size, PetPictures.Size));
            using (var canvas = new SKCanvas(resized))
            using (SKImage image = SKImage.FromBitmap(decoded))
            {
                canvas.Clear(SKColors.White);
                canvas.DrawImage(image, new SKRect(0, 0, PetPictures.Size, PetPictures.Size), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
            }

            ImageTensors.CopyChannelsFirst(resized, destination);
            return null;
        }
        catch (IOException e)
        {
            return $"could not be read: {e.Message}";
        }
        catch (UnauthorizedAccessException e)
        {
            return $"could not be read: {e.Message}";
        }
    }

    [GeneratedRegex(@"^(?<class>cat|dog)\.(?<number>\d{1,18})\.[A-Za-z0-9]+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KaggleName();
}
