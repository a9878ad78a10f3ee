using FluentAssertions;
using Katas.Kits;
using Katas.Kits.PyTorch;

namespace Katas.Cli.Tests.Kits;

/// <summary>The PyTorch side runs OpenBLAS's best kernels for the processor, not the generic ones of an OpenBLAS that does not know it.</summary>
public sealed class OpenBlasCoreTests
{
    private static readonly IReadOnlySet<string> Avx512 = BenchMachine.ProcessorFlags(
        "processor\t: 0\nflags\t\t: fpu sse sse2 avx fma avx2 avx512f avx512dq avx512cd avx512bw avx512vl\n\nflags\t\t: other\n");

    private static readonly IReadOnlySet<string> Avx2 = BenchMachine.ProcessorFlags("flags\t: sse2 avx fma avx2\n");

    [Test]
    public void The_flags_are_those_of_the_first_flags_line()
    {
        Avx512.Should().Contain(["avx2", "avx512vl", "fpu"]).And.NotContain("other");
        BenchMachine.ProcessorFlags("model name\t: x\n").Should().BeEmpty();
    }

    [Test]
    public void The_core_is_read_from_openblas_verbose_output()
    {
        OpenBlasCore.Reported("Core: Prescott\n").Should().Be("Prescott");
        OpenBlasCore.Reported("some warning\nCore: SkylakeX\n").Should().Be("SkylakeX");
        OpenBlasCore.Reported("").Should().BeNull("an install on another BLAS says nothing");
    }

    [Test]
    public void The_best_core_follows_the_vector_extensions()
    {
        OpenBlasCore.Best(Avx512).Should().Be("SkylakeX");
        OpenBlasCore.Best(Avx2).Should().Be("Haswell");
        OpenBlasCore.Best(BenchMachine.ProcessorFlags("flags\t: sse2 avx512f avx\n")).Should().BeNull("AVX-512 F alone is not what SkylakeX kernels need, and there is no AVX2");
    }

    [TestCase("Prescott", "SkylakeX")]
    [TestCase("Nehalem", "SkylakeX")]
    [TestCase("Sandybridge", "SkylakeX")]
    [TestCase("SkylakeX", null)]
    [TestCase("Haswell", null)]
    [TestCase("Zen", null)]
    [TestCase(null, null)]
    public void Only_a_generic_or_pre_avx2_core_is_replaced(string? reported, string? expected)
    {
        OpenBlasCore.Override(reported, Avx512).Should().Be(expected);
    }

    [Test]
    public void A_processor_without_avx2_keeps_whatever_openblas_chose()
    {
        OpenBlasCore.Override("Prescott", BenchMachine.ProcessorFlags("flags\t: sse2 sse3\n")).Should().BeNull();
    }

    [Test]
    public void The_tables_say_which_kernels_ran_and_a_note_says_why_the_bench_chose_them()
    {
        var replaced = new PyTorchInstall("python3", "1.13.0a0", "3.11.2", "Prescott", "SkylakeX");
        replaced.Name.Should().Be("PyTorch 1.13.0a0 (OpenBLAS, SkylakeX kernels)");
        replaced.BlasNote.Should().StartWith("OpenBLAS chose its generic Prescott kernels").And.Contain("OPENBLAS_CORETYPE=SkylakeX");

        var chosen = new PyTorchInstall("python3", "1.13.0a0", "3.11.2", "Zen");
        chosen.Name.Should().Be("PyTorch 1.13.0a0 (OpenBLAS, Zen kernels)");
        chosen.BlasNote.Should().BeNull();

        new PyTorchInstall("python3", "2.5.0", "3.12.1").Name.Should().Be("PyTorch 2.5.0", "another BLAS does not say its kernels");
    }
}
