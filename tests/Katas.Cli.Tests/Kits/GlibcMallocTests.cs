using System.Globalization;
using System.Xml.Linq;
using FluentAssertions;
using Katas.Kits;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Cli.Tests.Kits;

/// <summary>glibc's malloc keeps freed tensor memory for reuse, here and in every process that runs tensor code for the katas.</summary>
public sealed class GlibcMallocTests
{
    [Test]
    public void The_test_runs_environment_has_the_same_malloc_settings_as_the_worker()
    {
        string[] settings = Directory.GetFiles(Path.Combine(KataRepository.Root, "tests"), "*.runsettings", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)).ToArray();
        settings.Should().Contain(Path.Combine(KataRepository.Root, "tests", "katas.runsettings"));
        foreach (string file in settings)
        {
            XElement variables = XDocument.Load(file).Descendants("EnvironmentVariables").Single();
            variables.Elements().ToDictionary(e => e.Name.LocalName, e => e.Value.Trim())
                .Should().BeEquivalentTo(GlibcMalloc.ChildEnvironment, $"{KataRepository.Relative(file)} gives dotnet test's test host what the worker gets");
        }
    }

    [Test]
    public void Dotnet_test_starts_the_test_host_with_those_settings()
    {
        foreach ((string name, string value) in GlibcMalloc.ChildEnvironment)
        {
            Environment.GetEnvironmentVariable(name).Should().Be(value, $"tests/katas.runsettings sets {name} for the test host");
        }
    }

    [Test]
    public void A_freed_48_MiB_tensor_is_reused_instead_of_page_faulted_in_again()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("The settings concern glibc on Linux.");
        }

        TorchRuntime.Initialise();
        const long floats = 12L << 20;
        const long pagesOfOneTensor = floats * sizeof(float) / 4096;
        // The heap grows to its working size in the first two rounds (measured: 12,291 faults each, then 3).
        for (int i = 0; i < 3; i++)
        {
            MakeAndFree(floats);
        }

        var faults = new List<long>();
        for (int i = 0; i < 10; i++)
        {
            long before = MinorPageFaults();
            MakeAndFree(floats);
            faults.Add(MinorPageFaults() - before);
        }

        // Other allocations may take part of the freed block now and then (measured: 0 to 2 rounds of 10 refault it).
        faults.Count(f => f > pagesOfOneTensor / 2).Should().BeLessThanOrEqualTo(5,
            $"ten tensors of 48 MiB ({pagesOfOneTensor} pages each) made and freed one after the other should mostly reuse one block; " +
            $"page faults per tensor: {string.Join(", ", faults)}. With its own mmap each would be faulted in again: check GlibcMalloc's settings");
    }

    [Test]
    public void Memory_freed_inside_the_heap_goes_back_to_the_system_when_asked()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("The settings concern glibc on Linux.");
        }

        TorchRuntime.Initialise();
        const long floats = 4L << 20;
        const long mebibytesOfOne = floats * sizeof(float) >> 20;
        var freed = Enumerable.Range(0, 7).Select(_ => torch.ones(floats)).ToList();
        // Allocated after them, so the freed ones are holes inside the heap, not free space at its top.
        using Tensor kept = torch.ones(floats);
        freed.ForEach(tensor => tensor.Dispose());
        long before = ResidentMebibytes();
        GlibcMalloc.ReturnFreedMemory();
        long after = ResidentMebibytes();

        (before - after).Should().BeGreaterThanOrEqualTo(freed.Count * mebibytesOfOne / 2,
            $"{freed.Count} freed tensors of {mebibytesOfOne} MiB below a live one stay resident until malloc_trim gives them back " +
            $"(resident {before} MiB before, {after} MiB after GlibcMalloc.ReturnFreedMemory)");
    }

    private static long ResidentMebibytes()
    {
        string line = File.ReadLines("/proc/self/status").Single(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) >> 10;
    }

    private static void MakeAndFree(long floats)
    {
        using Tensor tensor = torch.ones(floats);
        using Tensor sum = tensor.sum();
        _ = sum.ToSingle();
    }

    /// <summary>The process's minor page faults so far: the 10th field of /proc/self/stat.</summary>
    private static long MinorPageFaults()
    {
        string stat = File.ReadAllText("/proc/self/stat");
        // The command name (2nd field) is in parentheses and may contain spaces: count from the last ')'.
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[7], CultureInfo.InvariantCulture);
    }
}
