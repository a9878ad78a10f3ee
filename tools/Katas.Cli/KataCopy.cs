using Katas.Kits;

namespace Katas.Cli;

/// <summary>
/// Copies a kata's source folder into the repository's artifacts, where the repository's build
/// settings (Directory.Build.props) apply: mutants and submissions from outside are built from there.
/// </summary>
internal static class KataCopy
{
    /// <summary>Replaces <paramref name="target"/> with the source files of <paramref name="source"/>, subfolders included (no bin/obj).</summary>
    public static void Copy(string source, string target)
    {
        if (!Directory.Exists(source))
        {
            throw new UsageException($"There is no folder {source}.");
        }

        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        CopyFolder(source, target);
    }

    /// <summary>Copies a folder with everything in it.</summary>
    public static void CopyTree(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (string file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (string folder in Directory.GetDirectories(source))
        {
            CopyTree(folder, Path.Combine(target, Path.GetFileName(folder)));
        }
    }

    private static void CopyFolder(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (string file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (string folder in Directory.GetDirectories(source))
        {
            string name = Path.GetFileName(folder);
            if (name is not ("bin" or "obj"))
            {
                CopyFolder(folder, Path.Combine(target, name));
            }
        }
    }
}
