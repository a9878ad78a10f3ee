using Katas.Kits;

namespace Katas.Cli.Grading;

/// <summary>A file of a student's commit that grading did not use, and why.</summary>
/// <param name="Path">Its path in the student's repository.</param>
/// <param name="Why">Why it was not used.</param>
internal sealed record SetAside(string Path, string Why);

/// <summary>
/// What a student's commit contributes to a grade: the kata source files (katas/NN-name/**/*.cs), copied out of git's
/// objects as regular files into a workspace, and nothing else. A symbolic link or a submodule where a kata file should be
/// is refused, and named; every other file that differs from the course's (tests, rubrics, tools, build files) is
/// ignored, and named. Nothing of the student's repository is ever built or run but those files.
/// </summary>
internal sealed class StudentSubmission
{
    private StudentSubmission(string source, string commit, string folder, IReadOnlyList<SetAside> refused, IReadOnlyList<SetAside> ignored)
    {
        Source = source;
        Commit = commit;
        Folder = folder;
        Refused = refused;
        Ignored = ignored;
    }

    /// <summary>Where the student's repository is (a path or an address), as given.</summary>
    public string Source { get; }

    /// <summary>The full id of the commit graded.</summary>
    public string Commit { get; }

    /// <summary>The workspace folder holding katas/NN-name/**/*.cs of the commit.</summary>
    public string Folder { get; }

    /// <summary>Kata files that were not taken: links, submodules.</summary>
    public IReadOnlyList<SetAside> Refused { get; }

    /// <summary>Files outside the katas' sources that differ from the course's, used from the course instead.</summary>
    public IReadOnlyList<SetAside> Ignored { get; }

    /// <summary>
    /// Reads <paramref name="revision"/> of the git repository at <paramref name="repository"/> (a local clone) into
    /// <paramref name="folder"/>, taking the sources of <paramref name="katas"/> and comparing the rest with
    /// <paramref name="course"/> (the course's files at its commit).
    /// </summary>
    public static StudentSubmission Read(string source, string repository, string revision, IReadOnlyList<string> katas,
        IReadOnlyList<GitTreeEntry> course, string folder)
    {
        string commit = GitTree.Commit(repository, revision);
        IReadOnlyList<GitTreeEntry> files = GitTree.Files(repository, commit);
        var refused = new List<SetAside>();
        var ignored = new List<SetAside>();
        Directory.CreateDirectory(folder);
        foreach (GitTreeEntry file in files)
        {
            if (KataOf(file.Path) is { } graded && katas.Contains(graded) && !file.IsRegularFile)
            {
                // A link to the solution (or anywhere) where a kata file or folder should be: never followed.
                refused.Add(new SetAside(file.Path, file.Mode == "120000"
                    ? "a symbolic link: only regular files are graded (its target is not read)"
                    : "a submodule: only regular files are graded"));
                continue;
            }

            string? kata = KataSourceOf(file.Path);
            if (kata is not null && katas.Contains(kata))
            {
                string target = Path.Combine(folder, file.Path.Replace('/', Path.DirectorySeparatorChar));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllText(target, GitTree.Text(repository, file.Blob));
            }
            else if (kata is null)
            {
                GitTreeEntry? theirs = course.FirstOrDefault(entry => entry.Path == file.Path);
                if (theirs is null || theirs.Blob != file.Blob || theirs.Mode != file.Mode)
                {
                    ignored.Add(new SetAside(file.Path, theirs is null ? "not in the course" : "differs from the course's"));
                }
            }
        }

        var studentPaths = files.Select(file => file.Path).ToHashSet(StringComparer.Ordinal);
        ignored.AddRange(course.Where(entry => KataSourceOf(entry.Path) is null && !studentPaths.Contains(entry.Path))
            .Select(entry => new SetAside(entry.Path, "deleted: the course's is used")));
        foreach (string kata in katas.Where(kata => !Directory.Exists(Path.Combine(folder, "katas", kata))))
        {
            Directory.CreateDirectory(Path.Combine(folder, "katas", kata));
        }

        return new StudentSubmission(source, commit, folder, refused, [.. ignored.OrderBy(item => item.Path, StringComparer.Ordinal)]);
    }

    /// <summary>The kata of a kata source file (katas/NN-name/**/*.cs, not in bin/ or obj/), else null.</summary>
    public static string? KataSourceOf(string path) =>
        KataOf(path) is { } kata && path.Split('/').Length >= 3 && path.EndsWith(".cs", StringComparison.Ordinal)
        && !path.Split('/').Skip(2).Any(part => part is "bin" or "obj")
            ? kata
            : null;

    /// <summary>The kata whose folder (katas/NN-name, or the folder itself) holds <paramref name="path"/>, else null.</summary>
    private static string? KataOf(string path)
    {
        string[] parts = path.Split('/');
        return parts.Length >= 2 && parts[0] == "katas" && KataRepository.IsKataFolderName(parts[1]) ? parts[1] : null;
    }
}
