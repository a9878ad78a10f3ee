namespace Katas.Cli.Grading;

/// <summary>One entry of a commit's tree, as `git ls-tree -r` lists it: a regular file, an executable, a symbolic link or a submodule.</summary>
/// <param name="Mode">The git file mode: 100644, 100755, 120000 (symbolic link), 160000 (submodule).</param>
/// <param name="Blob">The object id of its content.</param>
/// <param name="Path">Its path in the repository, with forward slashes.</param>
internal sealed record GitTreeEntry(string Mode, string Blob, string Path)
{
    /// <summary>Whether it is a plain file (regular or executable), not a link or a submodule.</summary>
    public bool IsRegularFile => Mode is "100644" or "100755";
}

/// <summary>A commit's files, read from git's objects, never from a working tree: a symbolic link stays a link, and is never followed.</summary>
internal static class GitTree
{
    /// <summary>Every file of <paramref name="commit"/> in the repository at <paramref name="repository"/>.</summary>
    public static IReadOnlyList<GitTreeEntry> Files(string repository, string commit)
    {
        string listing = RepositoryGit.OutputIn(repository, "ls-tree", "-r", "-z", "--full-tree", commit);
        var entries = new List<GitTreeEntry>();
        foreach (string record in listing.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            // "<mode> <type> <object>\t<path>"
            int tab = record.IndexOf('\t', StringComparison.Ordinal);
            string[] head = record[..tab].Split(' ');
            entries.Add(new GitTreeEntry(head[0], head[2], record[(tab + 1)..]));
        }

        return entries;
    }

    /// <summary>The full id of the commit <paramref name="revision"/> names in <paramref name="repository"/>.</summary>
    /// <exception cref="Kits.UsageException">It names no commit there.</exception>
    public static string Commit(string repository, string revision)
    {
        (int code, string output, _) = RepositoryGit.RunIn(repository, "rev-parse", "--verify", "--quiet", revision + "^{commit}");
        return code == 0 ? output.Trim() : throw new Kits.UsageException($"{revision} is not a commit of {repository}.");
    }

    /// <summary>The content of the blob <paramref name="blob"/>, as text (kata sources are UTF-8 text).</summary>
    public static string Text(string repository, string blob) => RepositoryGit.OutputIn(repository, "cat-file", "blob", blob);
}
