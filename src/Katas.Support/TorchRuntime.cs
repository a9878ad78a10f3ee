using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas;

/// <summary>Sets TorchSharp up the same way everywhere: native library loaded, thread count and seed fixed, device chosen.</summary>
public static class TorchRuntime
{
    /// <summary>The seed every kata run starts from unless told otherwise.</summary>
    public const int DefaultSeed = 20240601;

    /// <summary>
    /// Loads the native library (with an explanation when that fails), fixes the number of CPU threads
    /// (results differ slightly between thread counts) and seeds the random number generator.
    /// The thread count holds for the calling thread: libtorch's OpenMP and MKL keep it per thread, so a new thread
    /// that runs tensor code calls torch.set_num_threads itself (measured: a matrix product on a new thread used both
    /// cores after Initialise(threads: 1) on another).
    /// </summary>
    /// <exception cref="InvalidOperationException">TorchSharp's native library could not be loaded.</exception>
    public static void Initialise(int threads = 1, int seed = DefaultSeed)
    {
        GlibcMalloc.ConfigureThisProcess();
        EnsureNativeLibraryLoads();
        torch.set_num_threads(threads);
        torch.manual_seed(seed);
    }

    /// <summary>Touches the native library once so a loading problem is reported in plain words.</summary>
    /// <exception cref="InvalidOperationException">TorchSharp's native library could not be loaded.</exception>
    public static void EnsureNativeLibraryLoads()
    {
        try
        {
            using Tensor probe = torch.zeros(1);
        }
        catch (Exception e) when (e is TypeInitializationException or DllNotFoundException or NotSupportedException or ExternalException)
        {
            throw new InvalidOperationException(
                "TorchSharp's native library did not load. On Debian 12 / Ubuntu 22.04 the build patches " +
                "libLibTorchSharp.so in the build output (build/TorchSharp.targets); rebuild with `dotnet build` " +
                "rather than copying binaries, and see docs/native-library.md. Inner error: " + (e.InnerException ?? e).Message, e);
        }
    }

    /// <summary>
    /// The device to compute on: "cpu", "cuda", or "auto" (CUDA when available, else the CPU).
    /// </summary>
    /// <exception cref="ArgumentException">The name is not a device, or CUDA was asked for where there is none.</exception>
    public static Device SelectDevice(string name = "auto")
    {
        switch (name.Trim().ToLowerInvariant())
        {
            case "cpu":
                return torch.CPU;
            case "auto":
                return torch.cuda.is_available() ? torch.CUDA : torch.CPU;
            case "cuda":
                if (!torch.cuda.is_available())
                {
                    throw new ArgumentException(
                        "CUDA was requested but no CUDA device is available. CUDA needs an NVIDIA GPU and a build " +
                        "made with -p:TorchBackend=cuda (see the README); otherwise use the CPU.", nameof(name));
                }

                return torch.CUDA;
            default:
                throw new ArgumentException($"Unknown device \"{name}\": use cpu, cuda or auto.", nameof(name));
        }
    }
}
