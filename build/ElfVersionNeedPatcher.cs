// Marks one symbol-version requirement of an ELF64 shared library as WEAK, so the dynamic loader
// accepts a libstdc++ that lacks that version. Used on the build output's copy of
// libLibTorchSharp.so, whose only GLIBCXX_3.4.32 symbol is a GCC 13 marker nothing relocates against
// (see docs/native-library.md). Compiled into an MSBuild inline task by build/TorchSharp.targets.
using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public class MarkElfVersionNeedWeak : Microsoft.Build.Utilities.Task
{
    /// <summary>The shared libraries to patch (build-output copies only).</summary>
    [Required]
    public ITaskItem[] Libraries { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The version requirement to mark weak, e.g. GLIBCXX_3.4.32.</summary>
    [Required]
    public string VersionName { get; set; } = "";

    public override bool Execute()
    {
        foreach (ITaskItem library in Libraries)
        {
            string path = library.ItemSpec;
            try
            {
                string outcome = MarkWeak(path, VersionName);
                Log.LogMessage(outcome == "patched" ? MessageImportance.Normal : MessageImportance.Low,
                    "{0}: {1} {2}", path, VersionName, outcome);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException)
            {
                Log.LogError("Could not mark {0} weak in {1}: {2}", VersionName, path, e.Message);
            }
        }

        return !Log.HasLoggedErrors;
    }

    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 0x2;

    /// <summary>Marks the need weak. Returns "patched", "already weak", "not needed" or "not ELF64".</summary>
    public static string MarkWeak(string path, string versionName) => SetWeak(path, versionName, weak: true);

    /// <summary>Marks the need weak or (for tests) strong again; returns what it did, as <see cref="MarkWeak"/> does.</summary>
    public static string SetWeak(string path, string versionName, bool weak)
    {
        byte[] elf = File.ReadAllBytes(path);
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F'
            || elf[4] != 2 || elf[5] != 1)
        {
            return "not ELF64";
        }

        long sectionHeaders = (long)BitConverter.ToUInt64(elf, 0x28);
        int entrySize = BitConverter.ToUInt16(elf, 0x3a);
        int count = BitConverter.ToUInt16(elf, 0x3c);
        for (int i = 0; i < count; i++)
        {
            long header = sectionHeaders + (long)i * entrySize;
            if (BitConverter.ToUInt32(elf, (int)header + 4) != ShtGnuVerneed)
            {
                continue;
            }

            long offset = (long)BitConverter.ToUInt64(elf, (int)header + 0x18);
            int linkedStrings = (int)BitConverter.ToUInt32(elf, (int)header + 0x28);
            long stringsHeader = sectionHeaders + (long)linkedStrings * entrySize;
            long strings = (long)BitConverter.ToUInt64(elf, (int)stringsHeader + 0x18);
            return Walk(path, elf, offset, strings, versionName, weak);
        }

        return "not needed";
    }

    private static string Walk(string path, byte[] elf, long verneed, long strings, string versionName, bool weak)
    {
        while (true)
        {
            int auxCount = BitConverter.ToUInt16(elf, (int)verneed + 2);
            long aux = verneed + BitConverter.ToUInt32(elf, (int)verneed + 8);
            for (int j = 0; j < auxCount; j++)
            {
                long name = strings + BitConverter.ToUInt32(elf, (int)aux + 8);
                if (ReadString(elf, name) == versionName)
                {
                    ushort flags = BitConverter.ToUInt16(elf, (int)aux + 4);
                    if (((flags & VerFlgWeak) != 0) == weak)
                    {
                        return weak ? "already weak" : "not weak";
                    }

                    ushort changed = weak ? (ushort)(flags | VerFlgWeak) : (ushort)(flags & ~VerFlgWeak);
                    BitConverter.GetBytes(changed).CopyTo(elf, (int)aux + 4);
                    // Write a new file and move it over the old one: the build output may be a hard
                    // link into the NuGet cache, which must never change.
                    string temporary = path + ".patching";
                    File.WriteAllBytes(temporary, elf);
                    File.Delete(path);
                    File.Move(temporary, path);
                    return weak ? "patched" : "cleared";
                }

                aux += BitConverter.ToUInt32(elf, (int)aux + 12);
            }

            uint next = BitConverter.ToUInt32(elf, (int)verneed + 12);
            if (next == 0)
            {
                return "not needed";
            }

            verneed += next;
        }
    }

    private static string ReadString(byte[] elf, long start)
    {
        int end = (int)start;
        while (elf[end] != 0)
        {
            end++;
        }

        return Encoding.ASCII.GetString(elf, (int)start, end - (int)start);
    }
}
