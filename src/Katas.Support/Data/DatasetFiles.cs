namespace Katas.Data;

/// <summary>The image and label files of one split, as found by <see cref="DatasetLocator"/>.</summary>
/// <param name="ImagesFile">The images file (IDX, rank 3).</param>
/// <param name="LabelsFile">The labels file (IDX, rank 1).</param>
/// <param name="Location">The folder they were found in, and how that folder was chosen.</param>
public sealed record DatasetFiles(string ImagesFile, string LabelsFile, SearchLocation Location);
