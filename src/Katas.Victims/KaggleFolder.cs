namespace Katas.Victims;

/// <summary>
/// What <see cref="PetPhotos.LoadKaggleFolder"/> made of a folder: the pictures it could read, and every file
/// it left out with the reason. Dispose to free the pictures' tensors.
/// </summary>
public sealed class KaggleFolder : IDisposable
{
    /// <summary>Takes ownership of <paramref name="pictures"/>.</summary>
    public KaggleFolder(string directory, LabelledImages pictures, IReadOnlyList<SkippedFile> skipped)
    {
        Directory = directory;
        Pictures = pictures;
        Skipped = skipped;
    }

    /// <summary>The folder read.</summary>
    public string Directory { get; }

    /// <summary>The readable photographs, resized to 128 x 128, with their classes from their names.</summary>
    public LabelledImages Pictures { get; }

    /// <summary>Files left out: names that are not cat.N.ext / dog.N.ext, unreadable or damaged images.</summary>
    public IReadOnlyList<SkippedFile> Skipped { get; }

    /// <summary>How many files were left out.</summary>
    public int SkippedCount => Skipped.Count;

    /// <summary>One line per skipped file, after a count: for the console.</summary>
    public string Report() =>
        $"{Pictures.Count} pictures read from {Directory}, {SkippedCount} files skipped" +
        string.Concat(Skipped.Select(file => Environment.NewLine + "  " + file));

    /// <summary>Frees the pictures' tensors.</summary>
    public void Dispose() => Pictures.Dispose();
}
