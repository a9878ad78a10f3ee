using FluentAssertions;
using Katas.Data;

namespace Katas.Support.Tests.Data;

public sealed class IdxFileTests
{
    private IdxTestFiles _files = null!;

    [SetUp]
    public void CreateFolder() => _files = new IdxTestFiles();

    [TearDown]
    public void DeleteFolder() => _files.Dispose();

    [TestCase(false)]
    [TestCase(true)]
    public void The_header_gives_big_endian_dimensions_and_the_rest_is_the_data(bool gzip)
    {
        // 300 needs two bytes (0x01 0x2C): a little-endian reader would see 0x2C010000.
        byte[] data = IdxTestFiles.Pattern(2 * 300);
        byte[] bytes = [0x00, 0x00, 0x08, 0x02, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x01, 0x2C, .. data];
        string path = _files.Save("data-idx2-ubyte", bytes, gzip);

        IdxArray read = IdxFile.Read(path);

        read.File.Should().Be(path);
        read.Dimensions.Should().Equal(2, 300);
        read.Rank.Should().Be(2);
        read.Count.Should().Be(2);
        read.Shape.Should().Be("2 x 300");
        read.Data.Should().Equal(data);
    }

    [Test]
    public void Gzip_is_recognised_by_content_not_by_name()
    {
        byte[] idx = IdxTestFiles.Idx(3, 2, 2);
        string gzipWithoutSuffix = Path.Combine(_files.Folder, "compressed-idx3-ubyte");
        File.WriteAllBytes(gzipWithoutSuffix, IdxTestFiles.Gzip(idx));
        string rawWithSuffix = Path.Combine(_files.Folder, "raw-idx3-ubyte.gz");
        File.WriteAllBytes(rawWithSuffix, idx);

        IdxFile.Read(gzipWithoutSuffix).Data.Should().Equal(idx[16..]);
        IdxFile.Read(rawWithSuffix).Data.Should().Equal(idx[16..]);
    }

    [TestCase("labels-idx1-ubyte")]
    [TestCase("labels-idx1-ubyte.gz")]
    public void Write_produces_the_bytes_of_the_format_and_reads_back(string name)
    {
        string path = Path.Combine(_files.Folder, "sub", name);
        byte[] data = IdxTestFiles.Pattern(5);

        IdxFile.Write(path, [5], data);

        byte[] stored = File.ReadAllBytes(path);
        byte[] expected = IdxTestFiles.Idx(0x08, [5], data);
        if (name.EndsWith(".gz", StringComparison.Ordinal))
        {
            stored[..2].Should().Equal([0x1F, 0x8B], "a .gz name asks for gzip compression");
            using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(stored), System.IO.Compression.CompressionMode.Decompress);
            using var raw = new MemoryStream();
            gzip.CopyTo(raw);
            stored = raw.ToArray();
        }

        stored.Should().Equal(expected);
        IdxFile.Read(path).Data.Should().Equal(data);
    }

    [Test]
    public void Write_refuses_data_that_does_not_fit_the_dimensions()
    {
        Action write = () => IdxFile.Write(Path.Combine(_files.Folder, "x"), [2, 3], new byte[5]);
        write.Should().Throw<ArgumentException>().WithMessage("2 x 3 needs 6 bytes of data; got 5.*");
    }

    [Test]
    public void A_missing_file_is_named()
    {
        string path = Path.Combine(_files.Folder, "absent-idx1-ubyte");
        Action read = () => IdxFile.Read(path);
        read.Should().Throw<DataFormatException>().Where(e => e.File == path).WithMessage($"{path}: file not found.");
    }

    private static IEnumerable<TestCaseData> Malformed()
    {
        yield return Case("empty", [], "the file is empty*expected an IDX header.");
        yield return Case("text file", "P5 28 28 255\n"u8.ToArray(), "wrong magic number 0x50352032: an IDX file starts with 0x00 0x00*This is not an IDX file.");
        yield return Case("little-endian magic", [0x03, 0x08, 0x00, 0x00, 0, 0, 0, 1], "wrong magic number 0x03080000*");
        yield return Case("no dimensions", [0x00, 0x00, 0x08, 0x00], "wrong magic number 0x00000800*");
        yield return Case("float elements", IdxTestFiles.Idx(0x0D, [1], [0, 0, 0, 0]), "element type 0x0D (32-bit float) is not supported: MNIST-style files hold unsigned bytes (0x08).");
        yield return Case("short magic", [0x00, 0x00, 0x08], "truncated: the file ends inside the 4-byte IDX magic number*");
        yield return Case("header cut after one of three sizes", [0x00, 0x00, 0x08, 0x03, 0, 0, 0, 2, 0, 0], "truncated: the header announces 3 dimensions but the file ends after 1 of them*");
        yield return Case("negative size", IdxTestFiles.Idx(0x08, [-4], []), "dimension 1 of the header is negative (-4): the header is damaged.");
        yield return Case("data cut short", IdxTestFiles.Idx(2, 28, 28)[..1016], "truncated: the header announces 2 x 28 x 28 = 1,568 bytes of data but the file holds only 1,000*");
        yield return Case("data too long", [.. IdxTestFiles.Idx(4), 1, 2, 3], "the file holds 3 bytes after the 4 bytes of data its header announces (4)*");
        yield return Case("absurd size", IdxTestFiles.Idx(0x08, [int.MaxValue, int.MaxValue, 2], []), "the header announces 2147483647 x 2147483647 x 2 bytes of data, more than fits in memory: the header is damaged.");
    }

    private static TestCaseData Case(string name, byte[] bytes, string problem) => new TestCaseData(bytes, problem).SetArgDisplayNames(name);

    [TestCaseSource(nameof(Malformed))]
    public void A_malformed_raw_file_is_refused_naming_the_file_and_the_problem(byte[] bytes, string problem)
    {
        string path = _files.Save("bad-idx-ubyte", bytes, gzip: false);
        Action read = () => IdxFile.Read(path);
        read.Should().Throw<DataFormatException>().Where(e => e.File == path && e.Line == 0).WithMessage($"{path}: {problem}");
    }

    [TestCaseSource(nameof(Malformed))]
    public void A_malformed_gzip_file_is_refused_naming_the_file_and_the_problem(byte[] bytes, string problem)
    {
        string path = _files.Save("bad-idx-ubyte", bytes, gzip: true);
        Action read = () => IdxFile.Read(path);
        read.Should().Throw<DataFormatException>().Where(e => e.File == path).WithMessage($"{path}: {problem}");
    }

    [Test]
    public void Sizes_in_a_gzip_file_are_those_after_decompression()
    {
        string path = _files.Save("short-idx3-ubyte", IdxTestFiles.Idx(2, 28, 28)[..1016], gzip: true);
        Action read = () => IdxFile.Read(path);
        read.Should().Throw<DataFormatException>().WithMessage("*holds only 1,000 (after gzip decompression).");
    }

    [Test]
    public void A_cut_gzip_stream_is_refused_naming_the_file()
    {
        byte[] gzip = IdxTestFiles.Gzip(IdxTestFiles.Idx(4, 28, 28));
        string path = Path.Combine(_files.Folder, "cut-idx3-ubyte.gz");
        File.WriteAllBytes(path, gzip[..(gzip.Length / 2)]);

        Action read = () => IdxFile.Read(path);

        // Depending on where the stream stops, the decompressor reports damage or simply ends early.
        read.Should().Throw<DataFormatException>().Where(e => e.File == path)
            .Which.Message.Should().Match(message => message.Contains("the gzip data is damaged") || message.Contains("truncated"));
    }
}
