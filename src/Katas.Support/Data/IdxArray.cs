namespace Katas.Data;

/// <summary>
/// The content of one IDX file of unsigned bytes: its dimensions (from the header) and its data,
/// row-major, exactly as stored (for MNIST images: [count, rows, columns]; for labels: [count]).
/// </summary>
/// <param name="File">The file it was read from (named in error messages).</param>
/// <param name="Dimensions">The sizes the header announces, outermost first.</param>
/// <param name="Data">The bytes after the header; its length is the product of <paramref name="Dimensions"/>.</param>
public sealed record IdxArray(string File, IReadOnlyList<int> Dimensions, byte[] Data)
{
    /// <summary>The number of dimensions (1 for a label file, 3 for an image file).</summary>
    public int Rank => Dimensions.Count;

    /// <summary>The size of the first dimension: the number of items in the file.</summary>
    public int Count => Dimensions.Count > 0 ? Dimensions[0] : 0;

    /// <summary>The dimensions written as "60000 x 28 x 28", as error messages show them.</summary>
    public string Shape => IdxFile.DescribeShape(Dimensions);
}
