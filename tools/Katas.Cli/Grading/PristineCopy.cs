using System.Formats.Tar;
using Katas.Kits;

namespace Katas.Cli.Grading;

/// <summary>
/// The copy grade tests in: every file as committed at a git ref (tests, snapshots, mutants, rubrics, build files, tools),
/// with only the learner's katas/NN-name/**/*.cs taken from the working tree. What the learner changed elsewhere is listed
/// (so the report can say it was ignored) but never used.
/// </summary>
internal sealed class PristineCopy : IDisposable
{
    private PristineCopy(string root, string reference, IReadOnlyList<string> ignored)
    {
        Root = root;
        Reference = reference;
        Ignored = ignored;
    }

    /// <summary>The copy's root folder (a temporary folder, deleted on dispose).</summary>
    public string Root { get; }

    /// <summary>The ref and its short commit, e.g. "HEAD (abc1234)".</summary>
    public string Reference { get; }

    /// <summary>Working-tree files that differ from the ref outside katas/**/*.cs: restored, i.e. ignored.</summary>
    public IReadOnlyList<string> Ignored { get; }

    /// <summary>Makes the copy for <paramref name="katas"/> from <paramref name="reference"/>.</summary>
    /// <exception cref="UsageException">The ref is not a commit.</exception>
    public static PristineCopy Create(string reference, IReadOnlyList<string> katas)
    {
        if (Git.Run("rev-parse", "--verify", "--quiet", reference + "^{commit}").ExitCode != 0)
        {
            throw new UsageException($"--ref {reference} is not a commit or branch of this repository.");
        }

        string commit = Git.Output("rev-parse", "--short", reference + "^{commit}").Trim();
        string root = Directory.CreateTempSubdirectory("katas-grade-").FullName;
        string archive = Path.Combine(root, "pristine.tar");
        Git.Output("archive", "--format=tar", "-o", archive, reference);
        string repository = Path.Combine(root, "repo");
        Directory.CreateDirectory(repository);
        TarFile.ExtractToDirectory(archive, repository, overwriteFiles: false);
        File.Delete(archive);

        foreach (string kata in katas)
        {
            string pristine = Path.Combine(repository, "katas", kata);
            Directory.CreateDirectory(pristine);
            foreach (string file in Directory.GetFiles(pristine, "*.cs", SearchOption.AllDirectories))
            {
                File.Delete(file);
            }

            string learner = Path.Combine(KataRepository.Root, "katas", kata);
            foreach (string file in Directory.GetFiles(learner, "*.cs", SearchOption.AllDirectories)
                         .Where(file => !Path.GetRelativePath(learner, file).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj")))
            {
                string target = Path.Combine(pristine, Path.GetRelativePath(learner, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        IEnumerable<string> changed = Git.Output("diff", "--name-only", reference, "--").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        IEnumerable<string> untracked = Git.Output("ls-files", "--others", "--exclude-standard").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        List<string> ignored = changed.Concat(untracked).Where(file => !IsLearnerCode(file)).Distinct().Order(StringComparer.Ordinal).ToList();
        return new PristineCopy(repository, $"{reference} ({commit})", ignored);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path.GetDirectoryName(Root)!, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file for a moment; the temporary folder is the system's to clean then.
        }
    }

    private static bool IsLearnerCode(string file) => file.StartsWith("katas/", StringComparison.Ordinal) && file.EndsWith(".cs", StringComparison.Ordinal);
}
