using System.Diagnostics;
using System.Text.Json;
using Katas.Cli.Running;
using Katas.Kits;
using Katas.Runner.Outcomes;
using Katas.Runner.Protocol;
using Katas.Runner.Supervision;

namespace Katas.Cli.Grading;

/// <summary>One kata's test run, as the grading child process hands it back.</summary>
/// <param name="Kata">The kata.</param>
/// <param name="Result">Its test run.</param>
internal sealed record KataRun(string Kata, KataRunResult Result);

/// <summary>
/// Runs the katas' tests inside a <see cref="PristineCopy"/>: this tool again, as a child process started in the copy, so
/// that every path (test projects, build settings, artifacts) is the copy's (the tool finds its repository from the current folder).
/// </summary>
internal static class GradeRun
{
    /// <summary>The hidden command the child runs.</summary>
    public const string ChildCommand = "grade-run";

    /// <summary>Tests <paramref name="katas"/> in <paramref name="copy"/>; progress goes to this console.</summary>
    public static IReadOnlyList<KataRun> InCopy(PristineCopy copy, IReadOnlyList<string> katas)
    {
        string results = Path.Combine(Path.GetDirectoryName(copy.Root)!, "runs.json");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = copy.Root };
        foreach (string argument in new[] { Path.Combine(AppContext.BaseDirectory, "katas.dll"), ChildCommand, string.Join(',', katas), results })
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the grading run.");
        process.WaitForExit();
        if (process.ExitCode != 0 || !File.Exists(results))
        {
            throw new InvalidOperationException($"The grading run in {copy.Root} failed (exit code {process.ExitCode}); its output is above.");
        }

        return JsonSerializer.Deserialize<List<KataRun>>(File.ReadAllText(results)) ?? [];
    }

    /// <summary>In the child: tests each kata of <paramref name="katas"/> (katas/ of the current repository) and writes the runs to <paramref name="output"/>.</summary>
    public static void Child(IReadOnlyList<string> katas, string output)
    {
        var runs = new List<KataRun>();
        foreach (string kata in katas)
        {
            WorkerStart start = KataWorkers.Prepare(kata) ?? throw new InvalidOperationException($"The tests of {kata} do not build in the grading copy.");
            using var runner = new WarmRunner(start, keepStandby: false);
            var board = new LiveBoard(kata, "yours");
            KataRunResult result = KataCheck.Run(runner, new RunRequest(Path.Combine(KataRepository.Root, "katas", kata), "katas", [], []), board);
            board.Finish(result);
            runs.Add(new KataRun(kata, result));
        }

        File.WriteAllText(output, JsonSerializer.Serialize(runs));
    }
}
