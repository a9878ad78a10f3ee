using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Katas.Kits;

namespace Katas.Cli;

/// <summary>One test's outcome from NUnit's result file.</summary>
/// <param name="ClassName">The test class's full name.</param>
/// <param name="Name">The test's name (with its arguments, for test cases).</param>
/// <param name="Passed">Whether it passed.</param>
/// <param name="Message">The failure message, or "".</param>
/// <param name="Task">The kata task from the test's [KataTask(n)] category ("kataNN-taskN"), or 0 when it has none.</param>
internal sealed record TestOutcome(string ClassName, string Name, bool Passed, string Message, int Task)
{
    /// <summary>Whether the test took the test process down (its message says how).</summary>
    public bool Crashed { get; init; }
}

/// <summary>Result of building and testing one kata against one implementation.</summary>
internal sealed record TestRunResult(bool Built, string BuildOutput, IReadOnlyList<TestOutcome> Outcomes, TimeSpan Elapsed)
{
    public int Failed => Outcomes.Count(outcome => !outcome.Passed);

    public int Passed => Outcomes.Count(outcome => outcome.Passed);
}

/// <summary>Builds a kata's test project against an implementation and runs it, reading NUnit's result file.</summary>
internal static partial class TestRun
{
    /// <summary>How many times a run is repeated without the tests that took the test process down.</summary>
    private const int MaxCrashes = 3;

    /// <summary>
    /// Builds and tests <paramref name="kata"/>. When learner code takes the test process down (a native abort
    /// in libtorch, a stack overflow, Environment.Exit), the test that was running becomes a failed outcome
    /// that says so and why, and the kata's other tests run again without it, so the board still fills in.
    /// </summary>
    /// <param name="kata">The kata folder name.</param>
    /// <param name="kataSource">"katas", "solutions", or a folder laid out like katas/.</param>
    /// <param name="buildTag">Names the build folders (see build/KataSource.props).</param>
    /// <param name="filter">A dotnet test --filter expression, or null.</param>
    /// <param name="animate">Whether figure tests also write animated GIFs (slower).</param>
    /// <param name="progress">Told, about twice a second, how many tests are done and which one runs.</param>
    public static TestRunResult Run(string kata, string kataSource, string buildTag, string? filter = null, bool animate = false,
        Action<TestProgressReport>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var crashed = new List<TestOutcome>();
        string buildOutput = "";
        for (int attempt = 0; attempt <= MaxCrashes; attempt++)
        {
            string results = ResultsFolder(kata, attempt == 0 ? buildTag : $"{buildTag}-without-crashes-{attempt}");
            Directory.CreateDirectory(results);
            string progressFile = Path.Combine(results, "progress.txt");
            // One `dotnet test` builds and runs: a second MSBuild start would cost seconds. No result file means the build failed
            // or the test process died.
            List<string> test = ["test", KataRepository.TestProject(kata), "--nologo", "-v:q", $"-p:KataSource={kataSource}", $"-p:KataBuildTag={buildTag}"];
            if (attempt > 0)
            {
                test.Add("--no-build");
            }

            string? runFilter = CrashReport.Exclude(filter, crashed);
            if (runFilter is not null)
            {
                test.AddRange(["--filter", runFilter]);
            }

            test.AddRange(ResultArguments(results));
            Dictionary<string, string> environment = new() { ["KATAS_PROGRESS_FILE"] = progressFile };
            if (animate)
            {
                environment["KATAS_ANIMATIONS"] = "1";
            }

            int done = crashed.Count;
            (_, string output) = Dotnet(test, environment, () => progress?.Invoke(TestProgressReport.Read(progressFile, done)));
            buildOutput = attempt == 0 ? output : buildOutput;
            if (ResultFile(results) is { } xml)
            {
                return new TestRunResult(true, buildOutput, CrashReport.Merge(ReadNUnitResults(xml), crashed), clock.Elapsed);
            }

            TestOutcome? crash = CrashReport.From(progressFile, output);
            if (crash is null)
            {
                // No test started: the build failed (or the test host never came up); the output says why.
                return new TestRunResult(crashed.Count > 0, output, crashed, clock.Elapsed);
            }

            crashed.Add(crash);
        }

        // Every run so far crashed: say that the rest did not run rather than leaving them off the board.
        var notRun = new TestOutcome("", "(the kata's other tests)", false,
            $"Not run: the test process crashed {crashed.Count} times in a row (see the crashed tests above). Fix that crash first; " +
            "then the other tests run again.", 0) { Crashed = true };
        return new TestRunResult(true, buildOutput, [.. crashed, notRun], clock.Elapsed);
    }

    /// <summary>Runs an already built test assembly (no build), e.g. a mutant's run folder.</summary>
    public static TestRunResult RunBuilt(string testAssembly, string resultsKey, string? filter, Dictionary<string, string>? environment = null)
    {
        var clock = Stopwatch.StartNew();
        string results = EmptyFolder(Path.Combine(KataRepository.Artifacts, resultsKey, "test-results"));
        List<string> test = ["test", testAssembly, "--settings", Path.Combine(KataRepository.Root, "tests", "katas.runsettings")];
        if (filter is not null)
        {
            test.AddRange(["--filter", filter]);
        }

        test.AddRange(ResultArguments(results));

        (_, string output) = Dotnet(test, environment);
        return Result(results, output, clock);
    }

    /// <summary>Runs dotnet with <paramref name="arguments"/> in the repository root; returns its exit code and its output.</summary>
    /// <param name="arguments">The arguments.</param>
    /// <param name="environment">Extra environment variables.</param>
    /// <param name="whileRunning">Called about twice a second while dotnet runs.</param>
    public static (int ExitCode, string Output) Dotnet(IEnumerable<string> arguments, Dictionary<string, string>? environment = null, Action? whileRunning = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = KataRepository.Root,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach ((string name, string value) in environment ?? [])
        {
            start.Environment[name] = value;
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        while (!process.WaitForExit(500))
        {
            whileRunning?.Invoke();
        }

        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }

    /// <summary>
    /// NUnit's own result file, not a TRX one: it keeps each test's categories, where [KataTask(n)] records the
    /// task, so the board and `check --task` read the same source.
    /// </summary>
    private static string[] ResultArguments(string results) =>
        ["--", $"NUnit.TestOutputXml={results}", "NUnit.OutputXmlFolderMode=UseSpecifiedPath"];

    private static string ResultsFolder(string kata, string buildTag) =>
        EmptyFolder(Path.Combine(KataRepository.Artifacts, "test-results", kata, buildTag));

    /// <summary>Removes <paramref name="folder"/> and what is in it, so no earlier run's result file is read; returns the path.</summary>
    private static string EmptyFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return folder;
    }

    private static TestRunResult Result(string results, string output, Stopwatch clock)
    {
        return ResultFile(results) is { } xml
            ? new TestRunResult(true, output, ReadNUnitResults(xml), clock.Elapsed)
            : new TestRunResult(false, output, [], clock.Elapsed);
    }

    /// <summary>NUnit's result file in <paramref name="results"/>, or null when the run wrote none (a failed build, a dead test process).</summary>
    private static string? ResultFile(string results) =>
        Directory.Exists(results) ? Directory.GetFiles(results, "*.xml").FirstOrDefault() : null;

    /// <summary>The kata task of a test class named Task&lt;n&gt;...Tests (the layout tests keep that name and [KataTask(n)] in step), or 0.</summary>
    public static int TaskOfClassName(string className)
    {
        Match match = TaskClassName().Match(className);
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }

    private static List<TestOutcome> ReadNUnitResults(string path)
    {
        XDocument document = XDocument.Load(path);
        return document.Descendants("test-case").Select((test, index) => (Outcome: new TestOutcome(
                (string?)test.Attribute("classname") ?? "",
                (string?)test.Attribute("name") ?? "",
                (string?)test.Attribute("result") == "Passed",
                test.Element("failure")?.Element("message")?.Value.Trim() ?? test.Element("reason")?.Element("message")?.Value.Trim() ?? "",
                test.AncestorsAndSelf().SelectMany(element => element.Elements("properties").Elements("property"))
                    .Where(property => (string?)property.Attribute("name") == "Category")
                    .Select(property => KataCategories.TaskOf((string?)property.Attribute("value"))).FirstOrDefault(task => task > 0)), Index: index))
            // Tasks in order, and within a task the tests in the order NUnit ran them (file order, deterministic).
            .OrderBy(pair => pair.Outcome.Task).ThenBy(pair => pair.Index)
            .Select(pair => pair.Outcome)
            .ToList();
    }

    [GeneratedRegex(@"\.Task(\d+)[A-Z]\w*$")]
    private static partial Regex TaskClassName();
}
