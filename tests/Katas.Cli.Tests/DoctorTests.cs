using FluentAssertions;
using Katas.Cli.Doctor;
using Katas.Conventions;

namespace Katas.Cli.Tests;

/// <summary>`./kata doctor`: one line per check with its fix, non-zero exit when something needed is missing.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class DoctorTests
{
    private const string TorchSharpCache = "torchsharp/0.107.0/runtimes/linux-x64/native/libLibTorchSharp.so";

    [Test]
    public void On_this_machine_every_check_passes_and_doctor_exits_0()
    {
        (int exitCode, string output, string error) = ToolProcess.Run(["doctor"]);
        exitCode.Should().Be(0, $"this machine runs the katas (output: {output}{error})");
        foreach (string check in new[] { "platform", ".NET SDK", "TorchSharp native library", "compute backend", "plot font", "height/weight data", "Fashion-MNIST data", "artifacts folder" })
        {
            output.Should().MatchRegex($"(?m)^(ok|note) +{System.Text.RegularExpressions.Regex.Escape(check)}: ", $"doctor prints a line for the {check} check");
        }

        output.Should().Contain("150 rows in data/height_v_weight.csv");
    }

    [Test]
    public void A_missing_data_set_is_a_MISSING_line_naming_the_folder_searched_and_exit_code_1()
    {
        using var folder = new TemporaryFolder("katas-no-fashion");
        string empty = folder.FullName;
        (int exitCode, string output, _) = ToolProcess.Run(["doctor"], new Dictionary<string, string> { ["KATAS_FASHION_MNIST_DIR"] = empty });
        exitCode.Should().Be(1, "a data set the katas need is missing");
        string oneLine = output.Replace("\n", " ", StringComparison.Ordinal);
        oneLine.Should().MatchRegex(@"MISSING Fashion-MNIST data: not found \(Train split\); searched: " + System.Text.RegularExpressions.Regex.Escape(empty))
            .And.Contain("environment variable KATAS_FASHION_MNIST_DIR").And.Contain("->");
        output.Should().MatchRegex("(?m)^ok +height/weight data", "the other checks still run");
    }

    // The check itself, in process: what turns a MISSING line into exit code 1 is the missing data set's test above.
    [Test]
    public void A_truncated_data_file_is_a_MISSING_line_naming_the_file()
    {
        using var scratch = new TemporaryFolder("katas-cut-fashion");
        string folder = scratch.FullName;
        foreach (string file in Directory.GetFiles(Path.Combine(Testing.KataEnvironment.RepoRoot, "data", "fashion-mnist"), "*.gz"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        // The training images cut in half: a header that promises images the file no longer has.
        string images = Path.Combine(folder, "train-images-idx3-ubyte.gz");
        byte[] whole = File.ReadAllBytes(images);
        File.WriteAllBytes(images, whole[..(whole.Length / 2)]);

        DoctorLine line = DoctorChecks.FashionMnistData(folder);

        line.Status.Should().Be(DoctorStatus.Missing, $"the katas can't read that file (the line: {line})");
        line.Found.Should().Contain("train-images-idx3-ubyte.gz");
        line.Fix.Should().Contain("damaged or cut short");
    }

    [Test]
    public void The_unpatched_TorchSharp_library_needs_a_GLIBCXX_version_the_system_libstdcxx_lacks_exactly_when_readelf_says_so()
    {
        string? original = NuGetCacheFile(TorchSharpCache);
        string? libStdCxx = ElfVersions.SystemLibStdCxx();
        if (!OperatingSystem.IsLinux() || original is null || libStdCxx is null)
        {
            Assert.Ignore("Needs Linux, the TorchSharp 0.107 package in the NuGet cache and a system libstdc++.so.6.");
        }

        // A copy: the NuGet cache is never touched, not even by a reader.
        string copy = Path.Combine(Directory.CreateTempSubdirectory("katas-doctor-elf").FullName, "libLibTorchSharp.so");
        File.Copy(original, copy);

        IReadOnlyList<VersionNeed> needs = ElfVersions.Needs(copy);
        IReadOnlySet<string> defined = ElfVersions.Definitions(libStdCxx);
        IReadOnlyList<VersionNeed> unmet = ElfVersions.Unsatisfied(copy, libStdCxx);

        // Independent oracle: binutils' readelf, where installed.
        if (Readelf(copy) is { } readelfNeeds)
        {
            needs.Select(need => need.Version).Should().BeEquivalentTo(readelfNeeds, "the version needs read here are the ones readelf -V lists");
        }

        if (Readelf(libStdCxx, definitions: true) is { } readelfDefinitions)
        {
            defined.Should().BeEquivalentTo(readelfDefinitions, "the versions libstdc++ defines are the ones readelf -V lists");
        }

        needs.Should().Contain(new VersionNeed("libstdc++.so.6", "GLIBCXX_3.4.32", Weak: false), "TorchSharp 0.107 was built with GCC 13 (docs/native-library.md)");
        if (defined.Contains("GLIBCXX_3.4.32"))
        {
            unmet.Should().BeEmpty($"{libStdCxx} defines GLIBCXX_3.4.32");
        }
        else
        {
            unmet.Select(need => need.Version).Should().Equal(["GLIBCXX_3.4.32"], $"{libStdCxx} lacks GLIBCXX_3.4.32 (it has up to {defined.Where(name => name.StartsWith("GLIBCXX_", StringComparison.Ordinal)).Max(StringComparer.Ordinal)})");
        }

        // Patched as the build patches its output copy, nothing unmet is left that the loader would refuse.
        MarkElfVersionNeedWeak.MarkWeak(copy, "GLIBCXX_3.4.32").Should().Be("patched");
        ElfVersions.Unsatisfied(copy, libStdCxx).Should().BeEmpty("a weak need does not stop the loader");
        ElfVersions.Unsatisfied(copy, libStdCxx, includeWeak: true).Should().HaveCount(unmet.Count, "doctor still names the weak need");
        Directory.Delete(Path.GetDirectoryName(copy)!, recursive: true);
    }

    [Test]
    public void A_file_that_is_not_ELF_gets_an_error_naming_it()
    {
        string file = Path.GetTempFileName();
        File.WriteAllText(file, "not a library");
        FluentActions.Invoking(() => ElfVersions.Needs(file)).Should().Throw<InvalidDataException>().WithMessage($"{file} is not a 64-bit little-endian ELF file.");
        File.Delete(file);
    }

    private static string? NuGetCacheFile(string relative)
    {
        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } set
            ? set
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string path = Path.Combine(packages, relative);
        return File.Exists(path) ? path : null;
    }

    /// <summary>The version names `readelf -V` lists as needed (Vernaux "Name:") or defined (every Verdef entry's "Name:"), or null without readelf.</summary>
    private static List<string>? Readelf(string file, bool definitions = false)
    {
        try
        {
            string output = ExternalProgram.Run("readelf", ["-V", "-W", file]).Output;
            string section = definitions ? "Version definition section" : "Version needs section";
            int at = output.IndexOf(section, StringComparison.Ordinal);
            if (at < 0)
            {
                return [];
            }

            int end = output.IndexOf("\nVersion ", at + 1, StringComparison.Ordinal);
            string block = end < 0 ? output[at..] : output[at..end];
            return System.Text.RegularExpressions.Regex.Matches(block, definitions ? @"Rev: \d+\s+Flags: [^\n]*?Index: \d+\s+Cnt: \d+\s+Name: (\S+)" : @"Name: (\S+)\s+Flags")
                .Select(match => match.Groups[1].Value).ToList();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
