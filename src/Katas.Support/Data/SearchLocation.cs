namespace Katas.Data;

/// <summary>One folder where <see cref="DatasetLocator"/> looks for a data set's files, and why it looks there.</summary>
/// <param name="Directory">The folder.</param>
/// <param name="Origin">How the folder was chosen.</param>
/// <param name="Reason">In words, where the folder comes from (e.g. "environment variable KATAS_FASHION_MNIST_DIR").</param>
public sealed record SearchLocation(string Directory, DataOrigin Origin, string Reason)
{
    /// <summary>"/path (reason)", as error messages and <see cref="DatasetSource"/> show it.</summary>
    public override string ToString() => $"{Directory} ({Reason})";
}
