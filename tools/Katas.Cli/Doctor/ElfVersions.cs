using System.Text;

namespace Katas.Cli.Doctor;

/// <summary>One symbol version an ELF library needs from another (a Vernaux entry of .gnu.version_r).</summary>
/// <param name="Library">The library it is needed from, e.g. "libstdc++.so.6".</param>
/// <param name="Version">The version name, e.g. "GLIBCXX_3.4.32".</param>
/// <param name="Weak">Whether the need is marked weak (the loader then accepts its absence; see docs/native-library.md).</param>
internal sealed record VersionNeed(string Library, string Version, bool Weak);

/// <summary>
/// Reads the symbol versions an ELF64 little-endian library needs (.gnu.version_r) and defines (.gnu.version_d),
/// so `./kata doctor` can say which version a native library needs that the system's libstdc++ lacks, the cause
/// TorchSharp's own message hides. Same layout as build/ElfVersionNeedPatcher.cs, read only. No ELF reader is
/// among the packages served here, hence the few lines of parsing.
/// </summary>
internal static class ElfVersions
{
    private const uint ShtGnuVerdef = 0x6ffffffd;
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 0x2;

    /// <summary>Every version need of the library at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not an ELF64 little-endian file, or is cut short.</exception>
    public static IReadOnlyList<VersionNeed> Needs(string path)
    {
        byte[] elf = Load(path);
        var needs = new List<VersionNeed>();
        foreach ((long offset, long strings) in Sections(elf, ShtGnuVerneed))
        {
            for (long verneed = offset; ;)
            {
                int auxCount = U16(elf, verneed + 2);
                string library = Text(elf, strings + U32(elf, verneed + 4));
                long aux = verneed + U32(elf, verneed + 8);
                for (int j = 0; j < auxCount; j++)
                {
                    needs.Add(new VersionNeed(library, Text(elf, strings + U32(elf, aux + 8)), (U16(elf, aux + 4) & VerFlgWeak) != 0));
                    aux += U32(elf, aux + 12);
                }

                uint next = U32(elf, verneed + 12);
                if (next == 0)
                {
                    break;
                }

                verneed += next;
            }
        }

        return needs;
    }

    /// <summary>Every version the library at <paramref name="path"/> defines (e.g. GLIBCXX_3.4.30 for libstdc++.so.6).</summary>
    /// <exception cref="InvalidDataException">The file is not an ELF64 little-endian file, or is cut short.</exception>
    public static IReadOnlySet<string> Definitions(string path)
    {
        byte[] elf = Load(path);
        var definitions = new HashSet<string>(StringComparer.Ordinal);
        foreach ((long offset, long strings) in Sections(elf, ShtGnuVerdef))
        {
            for (long verdef = offset; ;)
            {
                // The first Verdaux entry names the version; later ones name its parents.
                definitions.Add(Text(elf, strings + U32(elf, verdef + U32(elf, verdef + 12))));
                uint next = U32(elf, verdef + 16);
                if (next == 0)
                {
                    break;
                }

                verdef += next;
            }
        }

        return definitions;
    }

    /// <summary>
    /// The needs of <paramref name="library"/> on <paramref name="dependency"/> (matched by file name, e.g. libstdc++.so.6)
    /// that the dependency does not define and that are not weak: what makes the dynamic loader refuse the library.
    /// </summary>
    public static IReadOnlyList<VersionNeed> Unsatisfied(string library, string dependency, bool includeWeak = false)
    {
        IReadOnlySet<string> defined = Definitions(dependency);
        string name = Path.GetFileName(dependency);
        return Needs(library).Where(need => need.Library == name && !defined.Contains(need.Version) && (includeWeak || !need.Weak)).ToList();
    }

    /// <summary>The system's libstdc++.so.6 as the dynamic loader would find it in the usual folders, or null.</summary>
    public static string? SystemLibStdCxx()
    {
        string[] folders =
        [
            "/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/lib/aarch64-linux-gnu",
            "/usr/lib64", "/lib64", "/usr/lib", "/lib",
        ];
        return folders.Select(folder => Path.Combine(folder, "libstdc++.so.6")).FirstOrDefault(File.Exists);
    }

    private static byte[] Load(string path)
    {
        byte[] elf = File.ReadAllBytes(path);
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F' || elf[4] != 2 || elf[5] != 1)
        {
            throw new InvalidDataException($"{path} is not a 64-bit little-endian ELF file.");
        }

        return elf;
    }

    /// <summary>The file offset of every section of <paramref name="type"/>, with the offset of its linked string table.</summary>
    private static IEnumerable<(long Offset, long Strings)> Sections(byte[] elf, uint type)
    {
        long headers = (long)U64(elf, 0x28);
        int entrySize = U16(elf, 0x3a);
        int count = U16(elf, 0x3c);
        for (int i = 0; i < count; i++)
        {
            long header = headers + (long)i * entrySize;
            if (U32(elf, header + 4) == type)
            {
                long strings = headers + U32(elf, header + 0x28) * (long)entrySize;
                yield return ((long)U64(elf, header + 0x18), (long)U64(elf, strings + 0x18));
            }
        }
    }

    private static ushort U16(byte[] elf, long at) => at + 2 <= elf.Length ? BitConverter.ToUInt16(elf, (int)at) : throw CutShort();

    private static uint U32(byte[] elf, long at) => at + 4 <= elf.Length ? BitConverter.ToUInt32(elf, (int)at) : throw CutShort();

    private static ulong U64(byte[] elf, long at) => at + 8 <= elf.Length ? BitConverter.ToUInt64(elf, (int)at) : throw CutShort();

    private static InvalidDataException CutShort() => new("The ELF file is cut short: a version table points past its end.");

    private static string Text(byte[] elf, long start)
    {
        long end = start;
        while (end < elf.Length && elf[end] != 0)
        {
            end++;
        }

        return Encoding.ASCII.GetString(elf, (int)start, (int)(end - start));
    }
}
