using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;
using Katas.Conventions;
using Katas.Data;
using Katas.Figures;
using Katas.Kits;
using SkiaSharp;
using TorchSharp;

namespace Katas.Cli.Doctor;

/// <summary>The checks of `./kata doctor`, each one line with its fix. Each catches its own failures: one broken thing never hides the others.</summary>
internal static class DoctorChecks
{
    /// <summary>The runtimes TorchSharp 0.107's CPU package ships native libraries for (libtorch-cpu-*).</summary>
    private static readonly string[] SupportedPlatforms = ["linux-x64", "win-x64", "osx-arm64"];

    /// <summary>Runs every check, in order: platform first, since nothing native works on an unsupported one.</summary>
    public static IEnumerable<DoctorLine> All()
    {
        yield return Guard("platform", Platform);
        yield return Guard(".NET SDK", Sdk);
        DoctorLine native = Guard("TorchSharp native library", NativeLibrary);
        yield return native;
        yield return native.Status == DoctorStatus.Missing
            ? new DoctorLine("compute backend", DoctorStatus.Missing, "not checked: TorchSharp's native library did not load", "fix the line above first")
            : Guard("compute backend", Backend);
        yield return Guard("plot font", Font);
        yield return Guard("height/weight data", HeightWeight);
        yield return Guard("Fashion-MNIST data", () => FashionMnistData());
        yield return Guard("artifacts folder", ArtifactsWritable);
    }

    /// <summary>The operating system and processor, and whether TorchSharp 0.107 has a build for them.</summary>
    public static DoctorLine Platform()
    {
        string rid = RuntimeInformation.RuntimeIdentifier;
        string platform = $"{(OperatingSystem.IsLinux() ? "linux" : OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "other")}-"
                          + RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();
        string found = $"{RuntimeInformation.OSDescription.Trim()}, {platform} (runtime {rid})";
        if (SupportedPlatforms.Contains(platform))
        {
            return new DoctorLine("platform", DoctorStatus.Ok, found);
        }

        string fix = platform == "osx-x64"
            ? "TorchSharp 0.107 has no Intel-Mac (osx-x64) build: use an Apple-silicon Mac, Linux or Windows, or a Linux container/VM"
            : $"TorchSharp 0.107 ships native libraries for {string.Join(", ", SupportedPlatforms)} only: use one of those";
        return new DoctorLine("platform", DoctorStatus.Missing, found + ": unsupported", fix);
    }

    /// <summary>The SDK `dotnet` runs against what global.json asks for (version and roll-forward rule).</summary>
    public static DoctorLine Sdk()
    {
        string globalJson = Path.Combine(KataRepository.Root, "global.json");
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(globalJson));
        JsonElement sdk = json.RootElement.GetProperty("sdk");
        var wanted = Version.Parse(sdk.GetProperty("version").GetString() ?? "0.0.0");
        string rollForward = sdk.TryGetProperty("rollForward", out JsonElement roll) ? roll.GetString() ?? "patch" : "patch";

        ProgramResult version = ExternalProgram.Run("dotnet", ["--version"], new ProgramOptions(KataRepository.Root));
        string output = version.Output.Trim();
        string error = version.Error.Trim();
        string fix = $"install the .NET SDK {wanted} or a later {wanted.Major}.{wanted.Minor} feature band (https://dot.net/download); global.json asks for it";
        if (!version.Succeeded || !Version.TryParse(output.Split('-')[0], out Version? have))
        {
            return new DoctorLine(".NET SDK", DoctorStatus.Missing, $"no SDK matches global.json ({wanted}, rollForward {rollForward}): {FirstLine(error + output)}", fix);
        }

        bool matches = have >= wanted && have.Major == wanted.Major && (rollForward is "latestMajor" or "major" || have.Minor == wanted.Minor);
        return matches
            ? new DoctorLine(".NET SDK", DoctorStatus.Ok, $"{output} (global.json: {wanted}, rollForward {rollForward})")
            : new DoctorLine(".NET SDK", DoctorStatus.Missing, $"{output}, but global.json asks for {wanted} (rollForward {rollForward})", fix);
    }

    /// <summary>Loads TorchSharp's native library; on Linux also lists the libstdc++ versions it needs that the system lacks.</summary>
    public static DoctorLine NativeLibrary()
    {
        string? library = OperatingSystem.IsLinux() ? FindLibTorchSharp() : null;
        string versions = "";
        IReadOnlyList<VersionNeed> unmet = [];
        if (library is not null && ElfVersions.SystemLibStdCxx() is { } libStdCxx)
        {
            unmet = ElfVersions.Unsatisfied(library, libStdCxx, includeWeak: true);
            if (unmet.Count > 0)
            {
                versions = $"; {Path.GetFileName(library)} needs {string.Join(", ", unmet.Select(need => need.Version + (need.Weak ? " (marked weak by the build)" : "")))} " +
                           $"from {Path.GetFileName(libStdCxx)}, which this system's {libStdCxx} lacks";
            }
        }

        try
        {
            TorchRuntime.EnsureNativeLibraryLoads();
            return new DoctorLine("TorchSharp native library", DoctorStatus.Ok, $"loads (TorchSharp {typeof(torch).Assembly.GetName().Version?.ToString(3)}){versions}");
        }
        catch (InvalidOperationException e)
        {
            string fix = unmet.Any(need => !need.Weak)
                ? $"rebuild with `dotnet build` (build/TorchSharp.targets marks {unmet.First(need => !need.Weak).Version} weak in the build output), or install a newer libstdc++ (GCC 13's); see docs/native-library.md"
                : "rebuild with `dotnet build` rather than copying binaries; see docs/native-library.md";
            return new DoctorLine("TorchSharp native library", DoctorStatus.Missing, $"does not load: {FirstLine((e.InnerException?.InnerException ?? e.InnerException ?? e).Message)}{versions}", fix);
        }
    }

    /// <summary>Whether the computations run on the CPU or CUDA, and the devices TorchSharp sees.</summary>
    public static DoctorLine Backend()
    {
        bool cuda = torch.cuda.is_available();
        string found = cuda
            ? $"CUDA: {torch.cuda.device_count()} device(s); the katas compute on cuda:0 when asked (--device auto|cuda)"
            : $"CPU: {Environment.ProcessorCount} logical core(s), no CUDA device (tests run on 1 thread)";
        return new DoctorLine("compute backend", DoctorStatus.Ok, found);
    }

    /// <summary>The DejaVu font embedded in Katas.Figures (every machine draws figures with the same typeface).</summary>
    public static DoctorLine Font()
    {
        Assembly figures = typeof(FigureRenderer).Assembly;
        var families = new List<string>();
        foreach (string name in new[] { "DejaVuSans.ttf", "DejaVuSans-Bold.ttf" })
        {
            using Stream? resource = figures.GetManifestResourceStream("Katas.Fonts." + name);
            if (resource is null)
            {
                return new DoctorLine("plot font", DoctorStatus.Missing, $"{name} is not embedded in {figures.GetName().Name}", "rebuild: src/Katas.Figures/Fonts holds the font files; check they are not deleted");
            }

            using SKTypeface? typeface = SKTypeface.FromStream(resource);
            if (typeface is null)
            {
                return new DoctorLine("plot font", DoctorStatus.Missing, $"{name} is embedded but SkiaSharp cannot read it", "restore src/Katas.Figures/Fonts from git (git checkout -- src/Katas.Figures/Fonts)");
            }

            families.Add($"{typeface.FamilyName}{(typeface.IsBold ? " Bold" : "")}");
        }

        return new DoctorLine("plot font", DoctorStatus.Ok, $"{string.Join(" and ", families)} embedded in {figures.GetName().Name}");
    }

    /// <summary>The article's height/weight sample (data/height_v_weight.csv).</summary>
    public static DoctorLine HeightWeight()
    {
        try
        {
            HeightWeightSample sample = HeightWeightSample.Load();
            return new DoctorLine("height/weight data", DoctorStatus.Ok, $"{sample.Count} rows in {KataRepository.Relative(sample.Source)}");
        }
        catch (Exception e) when (e is DataFormatException or IOException)
        {
            return new DoctorLine("height/weight data", DoctorStatus.Missing, FirstLine(e.Message), "restore it from git: git checkout -- data/height_v_weight.csv");
        }
    }

    /// <summary>
    /// Fashion-MNIST: where it was found (the full set or the repository's subset), read whole as the katas read it (a truncated
    /// or damaged file is named here, not in the middle of a test), or every folder searched.
    /// </summary>
    /// <param name="folder">The folder to read instead of the usual search (null: the environment variable, the repository, system installs).</param>
    public static DoctorLine FashionMnistData(string? folder = null)
    {
        var locator = new DatasetLocator(FashionMnist.Info);
        try
        {
            DatasetFiles train = locator.Find(DataSplit.Train, folder);
            int trainCount = ImageDataset.Read(FashionMnist.Info, DataSplit.Train, train).Count;
            int testCount = ImageDataset.Read(FashionMnist.Info, DataSplit.Test, locator.Find(DataSplit.Test, folder)).Count;
            bool full = trainCount == FashionMnist.Info.FullTrainCount && testCount == FashionMnist.Info.FullTestCount;
            string found = $"{(full ? "the full set" : "a subset")}, {trainCount} training and {testCount} test images, in {train.Location}";
            return full
                ? new DoctorLine("Fashion-MNIST data", DoctorStatus.Ok, found)
                : new DoctorLine("Fashion-MNIST data", DoctorStatus.Note, found, "enough for the tests; for full training runs see data/README.md (Debian: apt-get install dataset-fashion-mnist)");
        }
        catch (DatasetNotFoundException e)
        {
            string searched = string.Join("; ", e.Searched.Select(location => location.ToString()));
            string fix = Environment.GetEnvironmentVariable(FashionMnist.EnvironmentVariable) is { Length: > 0 }
                ? $"put the four .gz files in that folder, or unset {FashionMnist.EnvironmentVariable} to use the repository's subset (data/README.md)"
                : "restore the subset from git (git checkout -- data/fashion-mnist) or install the full set (data/README.md)";
            return new DoctorLine("Fashion-MNIST data", DoctorStatus.Missing, $"not found ({e.Split} split); searched: {searched}", fix);
        }
        catch (DataFormatException e)
        {
            return new DoctorLine("Fashion-MNIST data", DoctorStatus.Missing, FirstLine(e.Message),
                "the file is damaged or cut short: restore the subset from git (git checkout -- data/fashion-mnist), or reinstall the full set (data/README.md)");
        }
    }

    /// <summary>The artifacts folder (figures, test results) can be created and written.</summary>
    public static DoctorLine ArtifactsWritable()
    {
        string folder = KataRepository.Artifacts;
        string probe = Path.Combine(folder, $".doctor-{Environment.ProcessId}.tmp");
        try
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
            return new DoctorLine("artifacts folder", DoctorStatus.Ok, $"{KataRepository.Relative(folder)}/ is writable");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new DoctorLine("artifacts folder", DoctorStatus.Missing, $"{folder} is not writable: {FirstLine(e.Message)}", $"make it writable (e.g. chmod u+w {folder}) or remove it so the tool can create it");
        }
    }

    /// <summary>The libLibTorchSharp.so this tool loads: beside it, or in its runtimes folder.</summary>
    private static string? FindLibTorchSharp()
    {
        string baseFolder = AppContext.BaseDirectory;
        return new[] { Path.Combine(baseFolder, "libLibTorchSharp.so"), Path.Combine(baseFolder, "runtimes", RuntimeInformation.RuntimeIdentifier, "native", "libLibTorchSharp.so") }
            .FirstOrDefault(File.Exists);
    }

    /// <summary>The number of images an IDX file holds, from its header (big-endian first dimension), without reading the images.</summary>
    private static DoctorLine Guard(string check, Func<DoctorLine> run)
    {
        try
        {
            return run();
        }
        catch (Exception e)
        {
            return new DoctorLine(check, DoctorStatus.Missing, $"the check itself failed: {e.GetType().Name}: {FirstLine(e.Message)}", "report this with the output of ./kata doctor");
        }
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
