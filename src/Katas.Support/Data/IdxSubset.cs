namespace Katas.Data;

/// <summary>
/// Writes a class-balanced subset of an MNIST-style data set as gzipped IDX files with the published
/// names: how data/fashion-mnist was made from the full Fashion-MNIST (see data/README.md).
/// </summary>
public static class IdxSubset
{
    /// <summary>
    /// Reads both splits from <paramref name="sourceDirectory"/>, picks <paramref name="trainCount"/> training
    /// and <paramref name="testCount"/> test images, the same number from every class (chosen at random with
    /// <paramref name="seed"/>, kept in their order in the source files), and writes them to
    /// <paramref name="targetDirectory"/> as train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz,
    /// t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz.
    /// </summary>
    /// <param name="sourceDirectory">A folder with the four files of the full set (gzipped or raw).</param>
    /// <param name="targetDirectory">Where to write the subset (created if needed; must differ from the source).</param>
    /// <param name="trainCount">Training images to keep: a multiple of the number of classes.</param>
    /// <param name="testCount">Test images to keep: a multiple of the number of classes.</param>
    /// <param name="seed">Seed of the random choice; the same seed and source give the same files.</param>
    /// <param name="dataset">The data set (classes, image size); Fashion-MNIST when null.</param>
    /// <returns>The four files written, images then labels, training split first.</returns>
    /// <exception cref="ArgumentException">A count is not a positive multiple of the number of classes, a class has too few images, or the target is the source folder.</exception>
    /// <exception cref="DatasetNotFoundException">The source folder lacks a file.</exception>
    /// <exception cref="DataFormatException">A source file is malformed.</exception>
    public static IReadOnlyList<string> Write(string sourceDirectory, string targetDirectory, int trainCount, int testCount, int seed, ImageDatasetInfo? dataset = null)
    {
        dataset ??= FashionMnist.Info;
        int classes = dataset.ClassNames.Count;
        CheckCount(trainCount, classes, nameof(trainCount));
        CheckCount(testCount, classes, nameof(testCount));
        if (string.Equals(Path.GetFullPath(sourceDirectory).TrimEnd(Path.DirectorySeparatorChar), Path.GetFullPath(targetDirectory).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
        {
            throw new ArgumentException($"The subset would overwrite its source: write it to another folder than {sourceDirectory}.", nameof(targetDirectory));
        }

        // Only the named folder is read (no repository, no system folders): the subset's origin is never a guess.
        var locator = new DatasetLocator(dataset, repositoryRoot: null);
        var written = new List<string>();
        foreach ((DataSplit split, int count, string argument) in new[] { (DataSplit.Train, trainCount, nameof(trainCount)), (DataSplit.Test, testCount, nameof(testCount)) })
        {
            ImageDataset full = ImageDataset.Load(locator, split, sourceDirectory);
            int[] chosen = ChooseBalanced(full, count / classes, new Random(seed), argument);
            int imageSize = full.Rows * full.Columns;
            var pixels = new byte[chosen.Length * imageSize];
            var labels = new byte[chosen.Length];
            for (int i = 0; i < chosen.Length; i++)
            {
                full.Pixels.Span.Slice(chosen[i] * imageSize, imageSize).CopyTo(pixels.AsSpan(i * imageSize));
                labels[i] = full.Labels.Span[chosen[i]];
            }

            string imagesFile = Path.Combine(targetDirectory, ImageDatasetInfo.ImageFileNames(split)[0]);
            string labelsFile = Path.Combine(targetDirectory, ImageDatasetInfo.LabelFileNames(split)[0]);
            IdxFile.Write(imagesFile, [chosen.Length, full.Rows, full.Columns], pixels);
            IdxFile.Write(labelsFile, [chosen.Length], labels);
            written.Add(imagesFile);
            written.Add(labelsFile);
        }

        return written;
    }

    /// <summary>Indices of <paramref name="perClass"/> images of each class, chosen at random, in ascending order.</summary>
    private static int[] ChooseBalanced(ImageDataset full, int perClass, Random random, string argument)
    {
        var chosen = new List<int>();
        ReadOnlySpan<byte> labels = full.Labels.Span;
        for (int label = 0; label < full.ClassNames.Count; label++)
        {
            var members = new List<int>();
            for (int i = 0; i < labels.Length; i++)
            {
                if (labels[i] == label)
                {
                    members.Add(i);
                }
            }

            if (members.Count < perClass)
            {
                throw new ArgumentException(
                    $"Class {label} ({full.ClassNames[label]}) has {members.Count} images in {full.Source.LabelsFile}; a balanced subset needs {perClass} of each class.",
                    argument);
            }

            // .NET keeps seeded System.Random on its original algorithm for compatibility (a practice, not a
            // documented promise), so the same seed picks the same images; the committed files and their
            // checksums in data/README.md stay the reference either way.
            int[] shuffled = [.. members];
            random.Shuffle(shuffled);
            chosen.AddRange(shuffled.Take(perClass));
        }

        chosen.Sort();
        return [.. chosen];
    }

    private static void CheckCount(int count, int classes, string argument)
    {
        if (count <= 0 || count % classes != 0)
        {
            throw new ArgumentException($"{argument} must be a positive multiple of the {classes} classes (the same number of images per class); got {count}.", argument);
        }
    }
}
