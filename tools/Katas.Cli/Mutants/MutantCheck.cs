using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Katas.Kits;
using Spectre.Console;

namespace Katas.Cli.Mutants;

/// <summary>
/// Proves that a kata's tests catch each of its mutants (tests/NN-name/Mutants/*.mutant) with the test and
/// message the mutant names. Kept cheap as katas grow: the reference test build is reused (only the kata's
/// own assembly differs, so each mutant gets a run folder that links to the reference build and holds its
/// own kata assembly), all of a kata's mutants compile in one MSBuild run, the declared test runs first and
/// the rest only when it does not catch the mutant, and several mutants are tested at once.
/// </summary>
internal static class MutantCheck
{
    /// <summary>The file of mutant <paramref name="name"/> of <paramref name="kata"/>.</summary>
    public static string PathOf(string kata, string name) => Path.Combine(KataRepository.Root, "tests", kata, "Mutants", name + ".mutant");

    /// <summary>Checks every mutant of <paramref name="kata"/> (or only <paramref name="only"/>), printing a line per mutant.</summary>
    public static IReadOnlyList<MutantOutcome> Run(string kata, string? only, int parallel)
    {
        var clock = Stopwatch.StartNew();
        string folder = Path.Combine(KataRepository.Root, "tests", kata, "Mutants");
        string[] files = only is not null ? [PathOf(kata, only)]
            : Directory.Exists(folder) ? Directory.GetFiles(folder, "*.mutant").Order(StringComparer.Ordinal).ToArray() : [];
        if (only is null && files.Length < 4)
        {
            AnsiConsole.MarkupLine($"[red]{kata}: {files.Length} mutants; every kata needs at least 4[/] (tests/{kata}/Mutants/*.mutant)");
            return [new MutantOutcome(kata, "(too few mutants)", false, "")];
        }

        var outcomes = new List<MutantOutcome>();
        var prepared = new List<(Mutant Mutant, string Root)>();
        foreach (string file in files)
        {
            string root = Path.Combine(KataRepository.Artifacts, "mutants", kata, Path.GetFileNameWithoutExtension(file));
            try
            {
                Mutant mutant = Mutant.Load(file);
                mutant.Apply(Path.Combine(KataRepository.Root, "solutions", kata), Path.Combine(root, kata));
                prepared.Add((mutant, root));
            }
            catch (FormatException e)
            {
                outcomes.Add(Report(kata, Path.GetFileNameWithoutExtension(file), false, $"[red]{kata}/{Markup.Escape(Path.GetFileName(file))}: {Markup.Escape(e.Message)}[/]"));
            }
        }

        ReferenceBuild reference = ReferenceBuild.Of(kata);
        IReadOnlyDictionary<string, string> buildErrors = BuildAll(kata, prepared.Select(p => Path.Combine(p.Root, kata, reference.KataProjectFile)).ToList());
        AnsiConsole.MarkupLine($"{kata}: {prepared.Count} mutants built in {clock.Elapsed.TotalSeconds:0} s; testing {Math.Min(parallel, Math.Max(1, prepared.Count))} at a time");

        var results = new MutantOutcome[prepared.Count];
        Parallel.For(0, prepared.Count, new ParallelOptions { MaxDegreeOfParallelism = parallel }, i =>
        {
            (Mutant mutant, string root) = prepared[i];
            string project = Path.Combine(root, kata, reference.KataProjectFile);
            results[i] = buildErrors.TryGetValue(project, out string? errors)
                ? Report(kata, mutant.Name, false, $"[red]{kata} mutant [bold]{Markup.Escape(mutant.Name)}[/] does not build[/]: a mutant must be a program a learner could run.\n{Markup.Escape(errors)}")
                : Test(kata, mutant, root, reference);
        });
        outcomes.AddRange(results);
        return outcomes;
    }

    private static MutantOutcome Report(string kata, string name, bool caught, string line)
    {
        AnsiConsole.MarkupLine(line);
        return new MutantOutcome(kata, name, caught, line);
    }

    /// <summary>Builds every mutated kata project in one MSBuild run; returns the error lines of those that failed, by project path.</summary>
    private static Dictionary<string, string> BuildAll(string kata, IReadOnlyList<string> projects)
    {
        var failed = new Dictionary<string, string>(StringComparer.Ordinal);
        if (projects.Count == 0)
        {
            return failed;
        }

        // One solution of all the mutants (each in a folder of its own: their projects share a name).
        string solution = Path.Combine(KataRepository.Artifacts, "mutants", kata, "mutants.slnx");
        File.WriteAllLines(solution, ["<Solution>", .. projects.Select((project, i) =>
            $"  <Folder Name=\"/m{i.ToString(CultureInfo.InvariantCulture)}/\"><Project Path=\"{Path.GetRelativePath(Path.GetDirectoryName(solution)!, project)}\" /></Folder>"), "</Solution>"]);
        // The shared libraries were built with the reference tests (ReferenceBuild): don't build them once per mutant.
        (_, string output) = TestRun.Dotnet(["build", solution, "-nologo", "-clp:ErrorsOnly", "-p:BuildProjectReferences=false", "-m"]);
        foreach (string project in projects)
        {
            string folder = Path.GetDirectoryName(project)! + Path.DirectorySeparatorChar;
            string[] errors = output.Split('\n').Where(line => line.Contains(folder, StringComparison.Ordinal) && line.Contains("error", StringComparison.Ordinal)).ToArray();
            if (errors.Length > 0 || !File.Exists(ReferenceBuild.OutputOf(project)))
            {
                failed[project] = errors.Length > 0 ? string.Join('\n', errors.Distinct().Take(10)) : output;
            }
        }

        return failed;
    }

    private static MutantOutcome Test(string kata, Mutant mutant, string root, ReferenceBuild reference)
    {
        var clock = Stopwatch.StartNew();
        string runFolder = Path.Combine(root, "run");
        reference.LinkRunFolder(runFolder, ReferenceBuild.OutputOf(Path.Combine(root, kata, reference.KataProjectFile)));
        string testAssembly = Path.Combine(runFolder, Path.GetFileName(reference.TestAssembly));
        string resultsKey = Path.Combine("mutants", kata, mutant.Name);
        string label = $"{kata} mutant [bold]{Markup.Escape(mutant.Name)}[/]";

        // The declared test first: when it catches the mutant, the other tests don't need to run.
        TestRunResult declared = TestRun.RunBuilt(testAssembly, resultsKey, "FullyQualifiedName~." + mutant.CaughtBy, Environment(kata, mutant));
        if (CaughtAsDeclared(mutant, declared) is TestOutcome named)
        {
            return Report(kata, mutant.Name, true, $"[green]caught[/] {label} by {Markup.Escape(named.Name)} ({clock.Elapsed.TotalSeconds:0} s): {Markup.Escape(mutant.Description)}");
        }

        TestRunResult all = TestRun.RunBuilt(testAssembly, resultsKey, null, Environment(kata, mutant));
        if (!all.Built)
        {
            return Report(kata, mutant.Name, false, $"[red]{label}: the test run crashed[/]\n{Markup.Escape(Tail(all.BuildOutput))}");
        }

        // A display name set with TestCaseData.SetName (spaces, apostrophes) can't be expressed in a test filter, so the
        // declared test only shows up in the full run.
        if (CaughtAsDeclared(mutant, all) is TestOutcome found)
        {
            return Report(kata, mutant.Name, true, $"[green]caught[/] {label} by {Markup.Escape(found.Name)} ({clock.Elapsed.TotalSeconds:0} s): {Markup.Escape(mutant.Description)}");
        }

        List<TestOutcome> failures = all.Outcomes.Where(outcome => !outcome.Passed).ToList();
        TestOutcome? sameName = failures.FirstOrDefault(outcome => outcome.Name.StartsWith(mutant.CaughtBy, StringComparison.Ordinal));
        return Report(kata, mutant.Name, false, failures.Count == 0
            ? $"[red]NOT CAUGHT[/] {label}: every test passes. {Markup.Escape(mutant.Description)}"
            : $"[red]caught, but not as declared[/] {label}: expected {Markup.Escape(mutant.CaughtBy)} to fail" +
              (mutant.Message is null ? "" : $" saying \"{Markup.Escape(mutant.Message)}\"") +
              $"; failing: {Markup.Escape(string.Join(", ", failures.Select(f => f.Name)))}" +
              (sameName is null ? "" : $"\n  its message: {Markup.Escape(sameName.Message)}"));
    }

    /// <summary>The declared test's failure, when it failed with the declared message.</summary>
    private static TestOutcome? CaughtAsDeclared(Mutant mutant, TestRunResult result) =>
        result.Outcomes.FirstOrDefault(outcome => !outcome.Passed
            && outcome.Name.StartsWith(mutant.CaughtBy, StringComparison.Ordinal)
            && (mutant.Message is null || outcome.Message.Contains(mutant.Message, StringComparison.Ordinal)));

    /// <summary>The run folder holds the reference test build, so tell the tests what they really run (figures and snapshots go to artifacts/, never tests/).</summary>
    private static Dictionary<string, string> Environment(string kata, Mutant mutant) =>
        new() { ["KATAS_IMPLEMENTATION"] = Path.Combine(KataRepository.Artifacts, "mutants", kata, mutant.Name) };

    private static string Tail(string text) => string.Join('\n', text.Split('\n').TakeLast(20));
}
