using System.Text;
using FluentAssertions;
using Katas.Kits;
using Katas.Kits.PyTorch;
using static TorchSharp.torch;

namespace Katas.Cli.Tests.Kits;

/// <summary>What every benchmark records about its run: the build, peak memory, live tensors, medians; and the .npy files it hands PyTorch.</summary>
public sealed class BenchMachineTests
{
    [Test]
    public void Peak_memory_is_read_from_the_kilobytes_of_a_proc_status_line()
    {
        const string status = "Name:\tdotnet\nVmPeak:\t 5100000 kB\nVmHWM:\t  834560 kB\nVmRSS:\t  612000 kB\n";

        BenchMachine.StatusKilobytes(status, "VmHWM").Should().Be(834_560);
        BenchMachine.StatusKilobytes(status, "VmRSS").Should().Be(612_000);
        BenchMachine.StatusKilobytes(status, "VmSwap").Should().BeNull();
        BenchMachine.StatusKilobytes("VmHWM:\tlots\n", "VmHWM").Should().BeNull();
    }

    [Test]
    public void The_processor_is_the_first_model_name_of_cpuinfo()
    {
        const string intel = "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R)  Processor\n\nprocessor\t: 1\nmodel name\t: Other\n";

        BenchMachine.ProcessorName(intel).Should().Be("Intel(R) Xeon(R) Processor", "the first core's name, spaces collapsed");
        BenchMachine.ProcessorName("model name\t: AMD EPYC 9R14\n").Should().Be("AMD EPYC 9R14");
        BenchMachine.ProcessorName("processor\t: 0\nBogoMIPS\t: 50.00\n").Should().BeNull();
        BenchMachine.ProcessorName("model name\t:   \n").Should().BeNull();
        BenchMachine.Processor().Should().NotBeNullOrWhiteSpace();
    }

    [Test]
    public void This_process_has_a_peak_resident_memory()
    {
        BenchMachine.PeakResidentBytes().Should().BeGreaterThan(1 << 20);
    }

    [Test]
    public void The_build_configuration_comes_from_the_assembly_attribute()
    {
        // The tests are built in the same configuration as the kit libraries they test.
#if DEBUG
        const string expected = "Debug";
#else
        const string expected = "Release";
#endif
        BenchMachine.Configuration(typeof(BenchMachine).Assembly).Should().Be(expected);
    }

    [Test]
    public void A_debug_build_is_warned_about_and_a_release_build_is_not()
    {
        var release = new BenchConditions(new DateTime(2026, 12, 4), "reference solutions", "Release", 1, 2, "0.50 0.40 0.30", "AMD EPYC 9R14");

        release.Sentence().Should().Be("Measured 2026-12-04 on an AMD EPYC 9R14 with the reference solutions (Release build), 1 thread of 2 cores, load average 0.50 0.40 0.30 when it started.");
        (release with { Processor = "Intel(R) Xeon(R) Processor" }).Sentence().Should().StartWith("Measured 2026-12-04 on an Intel(R) Xeon(R) Processor with");
        (release with { Processor = "QEMU Virtual CPU" }).Sentence().Should().StartWith("Measured 2026-12-04 on a QEMU Virtual CPU with");
        (release with { Processor = "unknown" }).Sentence().Should().StartWith("Measured 2026-12-04 on an unknown processor with");
        release.ConfigurationWarning("dense").Should().BeNull();
        (release with { Configuration = "Debug" }).ConfigurationWarning("dense").Should()
            .Contain("Debug build").And.Contain("dotnet run -c Release --project tools/Katas.Cli -- bench dense");
    }

    [Test]
    public void A_leak_is_named_in_the_memory_sentence()
    {
        new BenchMemory(640L << 20, 3, 3).Sentence().Should().Be("Peak resident memory 640 MiB; live tensors 3 before, 3 at the end (none leaked).");
        new BenchMemory(640L << 20, 3, 7).Sentence().Should().EndWith("(4 LEAKED).");
    }

    [Test]
    public void What_a_setup_keeps_is_explained_and_only_the_measurements_can_leak()
    {
        var kept = new BenchMemory(640L << 20, 0, 5, new SetupTensors(47, 47, "one per Conv2d."));
        kept.Sentence().Should().Be("Peak resident memory 640 MiB; live tensors 0 before, 47 after loading what it measures, 47 after measuring, " +
            "5 at the end (none leaked). The 5 left at the end: one per Conv2d.");
        new BenchMemory(640L << 20, 0, 5, new SetupTensors(47, 49, "one per Conv2d.")).LeakedTensors.Should().Be(2);
        new BenchMemory(640L << 20, 0, 5, new SetupTensors(47, 47, null)).LeakedTensors.Should().Be(5, "without a reason, what stays is a leak");
    }

    [Test]
    public void The_median_of_an_even_count_is_the_mean_of_the_middle_two()
    {
        BenchStatistics.Median([3.0, 1.0, 2.0]).Should().Be(2.0);
        BenchStatistics.Median([4.0, 1.0, 3.0, 2.0]).Should().Be(2.5);
        FluentActions.Invoking(() => BenchStatistics.Median([])).Should().Throw<ArgumentException>();
    }

    [Test]
    public void An_npy_header_is_a_python_dict_padded_to_64_bytes()
    {
        byte[] header = NpyFile.Header(ScalarType.Float32, [60000, 784]);

        header.Length.Should().Be(128);
        header[..8].Should().Equal(0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0);
        (header[8] | (header[9] << 8)).Should().Be(header.Length - 10);
        string text = Encoding.ASCII.GetString(header, 10, header.Length - 10);
        text.Should().StartWith("{'descr': '<f4', 'fortran_order': False, 'shape': (60000, 784), }").And.EndWith("\n");
        Encoding.ASCII.GetString(NpyFile.Header(ScalarType.Int64, [5])[10..]).Should().Contain("'descr': '<i8'").And.Contain("'shape': (5,)");
    }

    [Test]
    public void A_tensor_is_written_as_its_header_and_its_little_endian_values()
    {
        string path = Path.Combine(Path.GetTempPath(), $"npy-{Guid.NewGuid():N}.npy");
        try
        {
            using Tensor values = tensor(new long[] { 1, 2, 258 });
            NpyFile.Write(path, values);

            byte[] file = File.ReadAllBytes(path);
            int header = NpyFile.Header(ScalarType.Int64, [3]).Length;
            header.Should().Be(128, "the data starts at a multiple of 64 bytes");
            file.Length.Should().Be(header + 3 * 8);
            file[header..].Should().Equal(1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 2, 1, 0, 0, 0, 0, 0, 0);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Bytes_that_do_not_fill_the_shape_are_refused()
    {
        FluentActions.Invoking(() => NpyFile.Write(Path.Combine(Path.GetTempPath(), "never.npy"), new byte[5], [2, 3])).Should()
            .Throw<ArgumentException>().WithMessage("The shape [2, 3] does not hold 5 bytes.*");
    }
}
