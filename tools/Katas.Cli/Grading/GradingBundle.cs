using System.Formats.Tar;
using System.Xml.Linq;
using Katas.Cli.Running;
using Katas.Kits;
using Katas.Runner.Supervision;
using Spectre.Console;

namespace Katas.Cli.Grading;

/// <summary>
/// What a grade runs student code beside, built from the course alone: each kata's tests and kit compiled against the
/// course's stubs (its katas/NN-name at the course commit: the kata's API, no solution), copied without the stub assembly
/// into a folder of their own with the verified snapshots. No source, test source or solution, compiled or not, is in it,
/// and the worker that runs student code (tools/Katas.Worker) references no kata.
/// </summary>
internal sealed class GradingBundle
{
    private readonly string _folder;
    private readonly Dictionary<string, (string TestAssembly, string KataAssembly)> _katas = [];
    private readonly Dictionary<string, Rubric> _rubrics = [];

    private GradingBundle(string folder) => _folder = folder;

    /// <summary>The stubs of <paramref name="kata"/> at the course commit: compiled to learn which tests there are.</summary>
    public string Api(string kata) => Path.Combine(_folder, "api", "katas", kata);

    /// <summary>The points of <paramref name="kata"/>'s tasks, as the course commit has them.</summary>
    public Rubric Rubric(string kata) => _rubrics[kata];

    /// <summary>The verified snapshots of <paramref name="kata"/>.</summary>
    public string Snapshots(string kata) => Path.Combine(_folder, "snapshots", kata);

    /// <summary>
    /// Builds the bundle of <paramref name="katas"/> from the course at <paramref name="courseCommit"/> into <paramref name="folder"/>,
    /// which must be inside the course's checkout (its build settings, Directory.Build.props, apply to the stubs there).
    /// A kata built before for the same commit, while nothing that goes into the build differed from it, is reused
    /// (<see cref="BundleStamp"/>): repeated grades and class shards on one machine build each kata once per commit.
    /// </summary>
    /// <exception cref="InvalidOperationException">A kata's tests do not build against the course's stubs.</exception>
    public static GradingBundle Build(IAnsiConsole console, string courseRoot, string courseCommit, IReadOnlyList<string> katas, string folder)
    {
        bool reusable = BundleStamp.BuildInputsCommitted(courseRoot);
        var bundle = new GradingBundle(folder);
        foreach (string kata in katas)
        {
            if (reusable && BundleStamp.Read(folder, kata) is { } stamp && stamp.Commit == courseCommit && File.Exists(stamp.TestAssembly))
            {
                console.MarkupLine($"{kata}: the course's tests as built for commit {courseCommit[..12]} (reused)");
                bundle.Load(kata, stamp);
                continue;
            }

            console.MarkupLine($"{kata}: building the course's tests against its stubs (no solution)...");
            BundleStamp stamped = bundle.BuildKata(courseRoot, courseCommit, kata);
            if (reusable)
            {
                stamped.Write(folder, kata);
            }
        }

        return bundle;
    }

    private BundleStamp BuildKata(string courseRoot, string courseCommit, string kata)
    {
        // What an earlier build of this kata left (its stamp first: a half-built kata is never reused).
        BundleStamp.Delete(_folder, kata);
        foreach (string old in new[] { Api(kata), Path.Combine(_folder, "tests", kata), Snapshots(kata), Path.Combine(_folder, "staging", "tests", kata) })
        {
            if (Directory.Exists(old))
            {
                Directory.Delete(old, recursive: true);
            }
        }

        string api = Api(kata);
        Extract(courseRoot, courseCommit, $"katas/{kata}", Path.Combine(_folder, "api"));
        string project = Directory.GetFiles(Path.Combine(courseRoot, "tests", kata), "*.csproj").Single();
        (int code, string output) = Dotnet.Run(["build", project, "-nologo", "-v:q", "-clp:ErrorsOnly",
            $"-p:KataSource={Path.Combine(_folder, "api", "katas")}{Path.DirectorySeparatorChar}", "-p:KataBuildTag=grading",
            // The stubs' unused parameters warn; the course's own CI holds its code to warnings as errors.
            "-p:TreatWarningsAsErrors=false", "-getProperty:TargetPath", "-t:Build"], workingDirectory: courseRoot);
        if (code != 0)
        {
            throw new InvalidOperationException($"The course's tests of {kata} do not build against its stubs:\n{output}");
        }

        string built = output.Trim().Split('\n')[^1].Trim();
        string kataAssembly = AssemblyNameOf(Directory.GetFiles(api, "*.csproj").Single());
        string tests = Path.Combine(_folder, "tests", kata);
        CopyManaged(Path.GetDirectoryName(built)!, tests, except: kataAssembly);
        Extract(courseRoot, courseCommit, $"tests/{kata}/Snapshots", Path.Combine(_folder, "staging"));
        Extract(courseRoot, courseCommit, $"tests/{kata}/rubric.json", Path.Combine(_folder, "staging"));
        string staged = Path.Combine(_folder, "staging", "tests", kata, "Snapshots");
        Directory.CreateDirectory(Snapshots(kata));
        if (Directory.Exists(staged))
        {
            foreach (string snapshot in Directory.GetFiles(staged, "*.verified.txt"))
            {
                File.Copy(snapshot, Path.Combine(Snapshots(kata), Path.GetFileName(snapshot)), overwrite: true);
            }
        }

        var stamp = new BundleStamp(courseCommit, Path.Combine(tests, Path.GetFileName(built)), kataAssembly);
        Load(kata, stamp);
        return stamp;
    }

    /// <summary>Takes <paramref name="kata"/>'s built tests, and reads its rubric, from the bundle's folder.</summary>
    private void Load(string kata, BundleStamp stamp)
    {
        _rubrics[kata] = Grading.Rubric.Read(Path.Combine(_folder, "staging"), kata, KataReadme.TasksIn(File.ReadAllText(Path.Combine(Api(kata), "README.md"))));
        _katas[kata] = (stamp.TestAssembly, stamp.KataAssembly);
    }

    /// <summary>What a worker for <paramref name="kata"/> starts with: the bundle's tests, the kata's assembly name.</summary>
    public WorkerStart StartFor(string kata, string workingDirectory) =>
        new(KataWorkers.WorkerAssembly, _katas[kata].TestAssembly, _katas[kata].KataAssembly, kata) { WorkingDirectory = workingDirectory };

    /// <summary>The files under <paramref name="path"/> at <paramref name="commit"/>, as committed, into <paramref name="target"/>.</summary>
    private static void Extract(string repository, string commit, string path, string target)
    {
        Directory.CreateDirectory(target);
        string archive = Path.Combine(target, ".archive.tar");
        (int code, _, string error) = RepositoryGit.RunIn(repository, "archive", "--format=tar", "-o", archive, commit, "--", path);
        if (code != 0)
        {
            // A kata without snapshots has no such folder: nothing to extract.
            if (error.Contains("did not match any files", StringComparison.Ordinal))
            {
                return;
            }

            throw new InvalidOperationException($"git archive {commit} {path} failed: {error.Trim()}");
        }

        TarFile.ExtractToDirectory(archive, target, overwriteFiles: true);
        File.Delete(archive);
    }

    /// <summary>
    /// The managed files of a test build (assemblies, symbols, dependency lists), without the stub kata assembly the learner's
    /// replaces, and without the native libraries the worker brings itself.
    /// </summary>
    private static void CopyManaged(string from, string to, string except)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from))
        {
            string name = Path.GetFileName(file);
            bool managed = name.EndsWith(".dll", StringComparison.Ordinal) || name.EndsWith(".pdb", StringComparison.Ordinal) || name.EndsWith(".json", StringComparison.Ordinal);
            if (managed && Path.GetFileNameWithoutExtension(name) != except && new FileInfo(file).Length < 16 << 20)
            {
                File.Copy(file, Path.Combine(to, name), overwrite: true);
            }
        }
    }

    private static string AssemblyNameOf(string project) =>
        XDocument.Load(project).Descendants("AssemblyName").FirstOrDefault()?.Value ?? Path.GetFileNameWithoutExtension(project);
}
