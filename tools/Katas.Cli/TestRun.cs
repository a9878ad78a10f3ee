using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Katas.Cli;

/// <summary>One test's outcome from a TRX report.</summary>
internal sealed record TestOutcome(string ClassName, string Name, bool Passed, string Message)
{
    /// <summary>The kata task the test belongs to (its class is named Task&lt;n&gt;...), or 0.</summary>
    public int Task => TaskNumber(ClassName);

    private static int TaskNumber(string className)
    {
        Match match = Regex.Match(className, @"\.Task(\d+)[A-Za-z]");
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }
}

/// <summary>Result of building and testing one kata against one implementation.</summary>
internal sealed record TestRunResult(bool Built, string BuildOutput, IReadOnlyList<TestOutcome> Outcomes, TimeSpan Elapsed)
{
    public int Failed => Outcomes.Count(outcome => !outcome.Passed);

    public int Passed => Outcomes.Count(outcome => outcome.Passed);
}

/// <summary>Builds a kata's test project against an implementation and runs it, reading results from a TRX file.</summary>
internal static class TestRun
{
    /// <summary>Builds and tests <paramref name="kata"/>.</summary>
    /// <param name="kata">The kata folder name.</param>
    /// <param name="kataSource">"katas", "solutions", or a folder laid out like katas/.</param>
    /// <param name="buildTag">Names the build folders (see build/KataSource.props).</param>
    /// <param name="filter">A dotnet test --filter expression, or null.</param>
    /// <param name="animate">Whether figure tests also write animated GIFs (slower).</param>
    public static TestRunResult Run(string kata, string kataSource, string buildTag, string? filter = null, bool animate = false)
    {
        var clock = Stopwatch.StartNew();
        string project = Repository.TestProject(kata);
        string results = Path.Combine(Repository.Artifacts, "test-results", kata, buildTag);
        if (Directory.Exists(results))
        {
            Directory.Delete(results, recursive: true);
        }

        // One `dotnet test` builds and runs: a second MSBuild start would cost seconds. No TRX file means the build failed.
        List<string> test = ["test", project, "--nologo", "-clp:ErrorsOnly", "--logger", "trx;LogFileName=results.trx", "--results-directory", results,
            $"-p:KataSource={kataSource}", $"-p:KataBuildTag={buildTag}"];
        if (filter is not null)
        {
            test.AddRange(["--filter", filter]);
        }

        (_, string testOutput) = Dotnet(test, animate ? new() { ["KATAS_ANIMATIONS"] = "1" } : null);
        string trx = Path.Combine(results, "results.trx");
        if (!File.Exists(trx))
        {
            return new TestRunResult(false, testOutput, [], clock.Elapsed);
        }

        return new TestRunResult(true, testOutput, ReadTrx(trx), clock.Elapsed);
    }

    private static List<TestOutcome> ReadTrx(string path)
    {
        XDocument document = XDocument.Load(path);
        XNamespace ns = document.Root!.Name.Namespace;
        Dictionary<string, string> classes = document.Descendants(ns + "UnitTest").ToDictionary(
            test => (string)test.Attribute("id")!,
            test => (string?)test.Element(ns + "TestMethod")?.Attribute("className") ?? "");
        return document.Descendants(ns + "UnitTestResult").Select(result => new TestOutcome(
                classes.GetValueOrDefault((string)result.Attribute("testId")!, ""),
                (string)result.Attribute("testName")!,
                (string?)result.Attribute("outcome") == "Passed",
                result.Descendants(ns + "Message").FirstOrDefault()?.Value.Trim() ?? ""))
            .OrderBy(outcome => outcome.Task).ThenBy(outcome => outcome.ClassName, StringComparer.Ordinal)
            .ToList();
    }

    private static (int ExitCode, string Output) Dotnet(IEnumerable<string> arguments, Dictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repository.Root,
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
        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }
}
