namespace Katas.Data;

/// <summary>
/// Finds the kata repository a program runs from, so data files are read where they are committed
/// (data/...) rather than from copies in build outputs, and errors name the repository's file.
/// </summary>
public static class RepositoryFolders
{
    private static readonly Lazy<string?> FoundRoot = new(() => FindRoot(AppContext.BaseDirectory, Directory.GetCurrentDirectory()));

    /// <summary>
    /// The repository root (the folder holding Katas.slnx) above the program's folder or,
    /// failing that, above the current folder; null when the program runs outside the repository.
    /// </summary>
    public static string? Root => FoundRoot.Value;

    /// <summary>The repository's data folder, or null outside the repository.</summary>
    public static string? Data => Root is { } root ? Path.Combine(root, "data") : null;

    /// <summary>The first of <paramref name="starts"/>, or of their parent folders, that holds Katas.slnx; null if none does.</summary>
    public static string? FindRoot(params string[] starts)
    {
        foreach (string start in starts)
        {
            for (DirectoryInfo? folder = new(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Katas.slnx")))
                {
                    return folder.FullName;
                }
            }
        }

        return null;
    }
}
