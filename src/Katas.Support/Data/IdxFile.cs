using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;

namespace Katas.Data;

/// <summary>
/// Reads and writes IDX files, the format of MNIST and Fashion-MNIST: a 4-byte magic number
/// (0x00, 0x00, element type, number of dimensions), one big-endian 32-bit size per dimension, then
/// the data, row-major. Only unsigned bytes (element type 0x08) are supported, which is what those
/// data sets use. Files may be gzip-compressed (recognised by their content, not their name).
/// </summary>
public static class IdxFile
{
    /// <summary>The IDX element type code of unsigned bytes.</summary>
    public const byte UnsignedByte = 0x08;

    private const int BufferSize = 1 << 16;

    private static readonly Dictionary<byte, string> ElementTypes = new()
    {
        [0x08] = "unsigned byte",
        [0x09] = "signed byte",
        [0x0B] = "16-bit integer",
        [0x0C] = "32-bit integer",
        [0x0D] = "32-bit float",
        [0x0E] = "64-bit float",
    };

    /// <summary>Reads the IDX file at <paramref name="path"/>, gzip-compressed or raw.</summary>
    /// <exception cref="DataFormatException">
    /// The file is missing, empty, has a wrong magic number or an unsupported element type, is truncated,
    /// holds more data than its header announces, or its gzip data is damaged (the message names the file).
    /// </exception>
    public static IdxArray Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new DataFormatException(path, 0, "file not found.");
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize);
        bool gzip = IsGzip(file);
        using Stream stream = gzip ? new GZipStream(file, CompressionMode.Decompress) : file;
        try
        {
            return Read(stream, path, gzip ? " (after gzip decompression)" : "");
        }
        catch (InvalidDataException e)
        {
            throw new DataFormatException(path, 0, $"the gzip data is damaged: {e.Message}");
        }
    }

    /// <summary>
    /// Writes <paramref name="data"/> as an IDX file of unsigned bytes with the given dimensions,
    /// gzip-compressed when <paramref name="path"/> ends in ".gz". Creates the folder if needed.
    /// </summary>
    /// <exception cref="ArgumentException">There are no dimensions, one is negative, or the data does not have their product's length.</exception>
    public static void Write(string path, IReadOnlyList<int> dimensions, ReadOnlySpan<byte> data)
    {
        if (dimensions.Count is < 1 or > 255)
        {
            throw new ArgumentException($"An IDX file has 1 to 255 dimensions; got {dimensions.Count}.", nameof(dimensions));
        }

        if (dimensions.Any(size => size < 0))
        {
            throw new ArgumentException($"Dimensions must not be negative; got {DescribeShape(dimensions)}.", nameof(dimensions));
        }

        long expected = dimensions.Aggregate(1L, (product, size) => product * size);
        if (data.Length != expected)
        {
            throw new ArgumentException($"{DescribeShape(dimensions)} needs {expected} bytes of data; got {data.Length}.", nameof(data));
        }

        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var header = new byte[4 + 4 * dimensions.Count];
        header[2] = UnsignedByte;
        header[3] = (byte)dimensions.Count;
        for (int i = 0; i < dimensions.Count; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4 + 4 * i), dimensions[i]);
        }

        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, BufferSize);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file, CompressionLevel.SmallestSize)
            : file;
        stream.Write(header);
        stream.Write(data);
    }

    /// <summary>Dimensions written as "60000 x 28 x 28".</summary>
    public static string DescribeShape(IReadOnlyList<int> dimensions) =>
        string.Join(" x ", dimensions.Select(size => size.ToString(CultureInfo.InvariantCulture)));

    private static IdxArray Read(Stream stream, string path, string afterDecompression)
    {
        Span<byte> magic = stackalloc byte[4];
        int read = stream.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
        if (read == 0)
        {
            throw new DataFormatException(path, 0, $"the file is empty{afterDecompression}; expected an IDX header.");
        }

        if (read < magic.Length)
        {
            throw new DataFormatException(path, 0, $"truncated: the file ends inside the 4-byte IDX magic number{afterDecompression}.");
        }

        CheckMagic(magic, path);
        int rank = magic[3];
        var sizes = new byte[4 * rank];
        read = stream.ReadAtLeast(sizes, sizes.Length, throwOnEndOfStream: false);
        if (read < sizes.Length)
        {
            throw new DataFormatException(path, 0,
                $"truncated: the header announces {rank} dimensions but the file ends after {read / 4} of them{afterDecompression}.");
        }

        var dimensions = new int[rank];
        long total = 1;
        for (int i = 0; i < rank; i++)
        {
            dimensions[i] = BinaryPrimitives.ReadInt32BigEndian(sizes.AsSpan(4 * i));
            if (dimensions[i] < 0)
            {
                throw new DataFormatException(path, 0, $"dimension {i + 1} of the header is negative ({dimensions[i]}): the header is damaged.");
            }

            // Stop multiplying once past what an array can hold, so a damaged header can't overflow the product.
            total = dimensions[i] == 0 ? 0 : total > Array.MaxLength ? total : total * dimensions[i];
        }

        string shape = DescribeShape(dimensions);
        if (total > Array.MaxLength)
        {
            throw new DataFormatException(path, 0, $"the header announces {shape} bytes of data, more than fits in memory: the header is damaged.");
        }

        var data = new byte[total];
        read = stream.ReadAtLeast(data, data.Length, throwOnEndOfStream: false);
        if (read < data.Length)
        {
            throw new DataFormatException(path, 0,
                $"truncated: the header announces {shape} = {Format(total)} bytes of data but the file holds only {Format(read)}{afterDecompression}.");
        }

        long extra = CountRemainingBytes(stream);
        if (extra > 0)
        {
            throw new DataFormatException(path, 0,
                $"the file holds {Format(extra)} bytes after the {Format(total)} bytes of data its header announces ({shape}){afterDecompression}: a damaged header, or not one IDX file.");
        }

        return new IdxArray(path, dimensions, data);
    }

    private static void CheckMagic(ReadOnlySpan<byte> magic, string path)
    {
        bool known = ElementTypes.TryGetValue(magic[2], out string? type);
        if (magic[0] != 0 || magic[1] != 0 || !known || magic[3] == 0)
        {
            throw new DataFormatException(path, 0,
                $"wrong magic number 0x{BinaryPrimitives.ReadUInt32BigEndian(magic):X8}: an IDX file starts with 0x00 0x00, " +
                "an element type (0x08 for unsigned bytes) and the number of dimensions (1 for labels, 3 for images), " +
                "e.g. 0x00000803 for MNIST images and 0x00000801 for labels. This is not an IDX file.");
        }

        if (magic[2] != UnsignedByte)
        {
            throw new DataFormatException(path, 0,
                $"element type 0x{magic[2]:X2} ({type}) is not supported: MNIST-style files hold unsigned bytes (0x08).");
        }
    }

    private static bool IsGzip(FileStream file)
    {
        // A gzip stream starts with 0x1F 0x8B; an IDX file with 0x00 0x00, so the two can't be confused.
        Span<byte> start = stackalloc byte[2];
        int read = file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        file.Position = 0;
        return read == 2 && start[0] == 0x1F && start[1] == 0x8B;
    }

    private static long CountRemainingBytes(Stream stream)
    {
        var buffer = new byte[4096];
        long count = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            count += read;
        }

        return count;
    }

    private static string Format(long count) => count.ToString("N0", CultureInfo.InvariantCulture);
}
