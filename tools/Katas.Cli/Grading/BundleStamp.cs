using System.Text.Json;

namespace Katas.Cli.Grading;

/// <summary>
/// What a grading bundle records of one kata it built: the course commit it was built from and what it built. A bundle
/// reuses a kata only for the same commit, and only while nothing that goes into the build (the tests, kits, libraries,
/// tools and build settings) differs from that commit: the build reads those from the checkout, not from the commit.
/// </summary>
/// <param name="Commit">The course commit the kata's tests were built from.</param>
/// <param name="TestAssembly">The built test assembly in the bundle.</param>
/// <param name="KataAssembly">The name of the kata assembly the student's code replaces.</param>
internal sealed record BundleStamp(string Commit, string TestAssembly, string KataAssembly)
{
    /// <summary>What a bundle's build reads from the course's checkout, beside the files it takes from the commit.</summary>
    private static readonly string[] BuildInputs = ["tests", "kits", "src", "tools", "build", "data", "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", "NuGet.config"];

    /// <summary>Whether the course's checkout has nothing uncommitted or untracked in what a bundle's build reads.</summary>
    public static bool BuildInputsCommitted(string courseRoot)
    {
        string[] present = BuildInputs.Where(input => Path.Exists(Path.Combine(courseRoot, input))).ToArray();
        (int code, string output, _) = RepositoryGit.RunIn(courseRoot, ["status", "--porcelain", "--untracked-files=all", "--", .. present]);
        return code == 0 && output.Trim().Length == 0;
    }

    /// <summary>The stamp of <paramref name="kata"/> in the bundle at <paramref name="folder"/>, or null when there is none (or it is unreadable).</summary>
    public static BundleStamp? Read(string folder, string kata)
    {
        string path = PathOf(folder, kata);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<BundleStamp>(File.ReadAllText(path)) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Records this stamp for <paramref name="kata"/>, once everything it names is in place.</summary>
    public void Write(string folder, string kata)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(folder, kata))!);
        File.WriteAllText(PathOf(folder, kata), JsonSerializer.Serialize(this));
    }

    /// <summary>Forgets <paramref name="kata"/>'s stamp (before its build starts again).</summary>
    public static void Delete(string folder, string kata)
    {
        if (File.Exists(PathOf(folder, kata)))
        {
            File.Delete(PathOf(folder, kata));
        }
    }

    private static string PathOf(string folder, string kata) => Path.Combine(folder, "stamps", kata + ".json");
}
