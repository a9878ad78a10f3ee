using System.IO.Compression;

namespace Katas.Support.Tests.Data;

/// <summary>
/// Builds IDX files byte by byte, independently of the loader's own writer, in a temporary folder
/// that is deleted afterwards.
/// </summary>
internal sealed class IdxTestFiles : IDisposable
{
    public IdxTestFiles()
    {
        Folder = Path.Combine(Path.GetTempPath(), "katas-idx-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    /// <summary>Magic number (0, 0, type, rank), then each size as a big-endian 32-bit integer, then the data.</summary>
    public static byte[] Idx(byte type, int[] dimensions, byte[] data)
    {
        var bytes = new List<byte> { 0, 0, type, (byte)dimensions.Length };
        foreach (int size in dimensions)
        {
            bytes.AddRange([(byte)(size >> 24), (byte)(size >> 16), (byte)(size >> 8), (byte)size]);
        }

        bytes.AddRange(data);
        return [.. bytes];
    }

    /// <summary>An unsigned-byte IDX file whose data is the product of the dimensions' bytes, each (i * 7 + 3) mod 256.</summary>
    public static byte[] Idx(params int[] dimensions) => Idx(0x08, dimensions, Pattern(dimensions.Aggregate(1, (a, b) => a * b)));

    public static byte[] Pattern(int length) => Enumerable.Range(0, length).Select(i => (byte)((i * 7) + 3)).ToArray();

    public static byte[] Gzip(byte[] bytes)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return compressed.ToArray();
    }

    /// <summary>Writes <paramref name="bytes"/> as <paramref name="name"/> (gzipped, with ".gz" added, when <paramref name="gzip"/>) in <paramref name="folder"/> or the temporary folder.</summary>
    public string Save(string name, byte[] bytes, bool gzip, string? folder = null)
    {
        folder ??= Folder;
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, gzip ? name + ".gz" : name);
        File.WriteAllBytes(path, gzip ? Gzip(bytes) : bytes);
        return path;
    }

    /// <summary>
    /// Writes a matching images and labels file of <paramref name="count"/> 28 x 28 images into
    /// <paramref name="folder"/>: image i has label labelOf(i) and every pixel of it equals i mod 256.
    /// </summary>
    public (string Images, string Labels) SavePair(string folder, string split, int count, bool gzip, Func<int, int>? labelOf = null)
    {
        labelOf ??= i => i % 10;
        var pixels = new byte[count * 28 * 28];
        for (int i = 0; i < count; i++)
        {
            pixels.AsSpan(i * 784, 784).Fill((byte)i);
        }

        byte[] labels = Enumerable.Range(0, count).Select(i => (byte)labelOf(i)).ToArray();
        return (Save($"{split}-images-idx3-ubyte", Idx(0x08, [count, 28, 28], pixels), gzip, folder),
                Save($"{split}-labels-idx1-ubyte", Idx(0x08, [count], labels), gzip, folder));
    }

    public void Dispose()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
