namespace Katas.Cli.Grading;

/// <summary>
/// A student's repository as git objects to read: a local repository as it is, an address cloned bare (no working tree:
/// nothing of it is checked out, so no file of it is ever opened but through git).
/// </summary>
internal sealed class StudentRepository : IDisposable
{
    private readonly string? _clone;

    private StudentRepository(string source, string gitFolder, string? clone)
    {
        Source = source;
        GitFolder = gitFolder;
        _clone = clone;
    }

    /// <summary>The repository as given.</summary>
    public string Source { get; }

    /// <summary>A folder git reads the repository's objects in.</summary>
    public string GitFolder { get; }

    /// <summary>Opens <paramref name="source"/>: a local repository (a working tree or a bare one) or an address git can clone.</summary>
    /// <exception cref="Kits.UsageException">It is neither.</exception>
    public static StudentRepository Open(string source, string scratch)
    {
        string full = Path.GetFullPath(source);
        if (Directory.Exists(full) && RepositoryGit.RunIn(full, "rev-parse", "--git-dir").ExitCode == 0)
        {
            return new StudentRepository(source, full, null);
        }

        string clone = Path.Combine(scratch, "student.git");
        (int code, _, string error) = RepositoryGit.RunIn(scratch, "clone", "--bare", "--quiet", source, clone);
        return code == 0
            ? new StudentRepository(source, clone, clone)
            : throw new Kits.UsageException($"--student {source}: not a git repository here, and git could not clone it: {error.Trim()}");
    }

    /// <summary>The newest commit of <paramref name="revision"/> made at or before <paramref name="deadline"/> (by its commit date), or null.</summary>
    public string? CommitAt(string revision, DateTimeOffset deadline)
    {
        string found = RepositoryGit.OutputIn(GitFolder, "rev-list", "-1", $"--before={deadline.ToUnixTimeSeconds()}", revision).Trim();
        return found.Length == 0 ? null : found;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_clone is not null && Directory.Exists(_clone))
        {
            Directory.Delete(_clone, recursive: true);
        }
    }
}
