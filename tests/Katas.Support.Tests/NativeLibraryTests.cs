using FluentAssertions;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Support.Tests;

public sealed class NativeLibraryTests
{
    [Test]
    public void TorchSharps_native_library_loads_and_differentiates()
    {
        TorchRuntime.Initialise();
        Tensor x = torch.tensor(new[] { 1.0, 2.0, 3.0 }, requires_grad: true);
        (x * x).sum().backward();
        x.grad!.data<double>().ToArray().Should().Equal(2.0, 4.0, 6.0);
    }

    [Test]
    public void The_build_output_copy_of_libLibTorchSharp_has_the_GLIBCXX_3_4_32_need_marked_weak()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("The GLIBCXX fix concerns Linux builds only.");
        }

        string library = Path.Combine(AppContext.BaseDirectory, "libLibTorchSharp.so");
        File.Exists(library).Should().BeTrue($"the build copies the native library to {library}");
        MarkElfVersionNeedWeak.MarkWeak(Path.GetFullPath(library), "GLIBCXX_3.4.32").Should().Be("already weak");
    }

    [Test]
    public void The_patch_is_idempotent_and_leaves_a_hard_linked_original_alone()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("The GLIBCXX fix concerns Linux builds only.");
        }

        string folder = Directory.CreateTempSubdirectory("katas-elf").FullName;
        string original = Path.Combine(folder, "original.so");
        string output = Path.Combine(folder, "output.so");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "libLibTorchSharp.so"), original);
        MarkElfVersionNeedWeak.SetWeak(original, "GLIBCXX_3.4.32", weak: false).Should().Be("cleared", "this recreates the library as shipped");
        byte[] shipped = File.ReadAllBytes(original);
        HardLink(original, output);

        MarkElfVersionNeedWeak.MarkWeak(output, "GLIBCXX_3.4.32").Should().Be("patched");
        MarkElfVersionNeedWeak.MarkWeak(output, "GLIBCXX_3.4.32").Should().Be("already weak");
        File.ReadAllBytes(original).Should().Equal(shipped, "the hard-linked original (like the NuGet cache's copy) must not change");
        File.ReadAllBytes(output).Length.Should().Be(shipped.Length);
        MarkElfVersionNeedWeak.MarkWeak(output, "NO_SUCH_VERSION_1.0").Should().Be("not needed");

        string text = Path.Combine(folder, "text.so");
        File.WriteAllText(text, "not an ELF file");
        MarkElfVersionNeedWeak.MarkWeak(text, "GLIBCXX_3.4.32").Should().Be("not ELF64");
        Directory.Delete(folder, recursive: true);
    }

    private static void HardLink(string existing, string link)
    {
        using var ln = System.Diagnostics.Process.Start("ln", [existing, link]);
        ln.WaitForExit();
        ln.ExitCode.Should().Be(0);
    }
}
