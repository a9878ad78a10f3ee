using System.Text.RegularExpressions;

namespace Katas.Cli;

/// <summary>
/// Turns a test process that died into a failed test that says why: the progress file names the test that
/// was running, the process's last words name the cause (libtorch's native error, a stack overflow, or
/// Environment.Exit, which the tests record themselves).
/// </summary>
internal static partial class CrashReport
{
    /// <summary>The test that took the process down, as a failed outcome; null when no test had started.</summary>
    public static TestOutcome? From(string progressFile, string output)
    {
        string[] lines = File.Exists(progressFile) ? File.ReadAllLines(progressFile) : [];
        var started = new List<string>();
        var ended = new HashSet<string>(StringComparer.Ordinal);
        string? exited = null;
        foreach (string line in lines)
        {
            if (line.StartsWith("start ", StringComparison.Ordinal))
            {
                started.Add(line["start ".Length..]);
            }
            else if (line.StartsWith("end ", StringComparison.Ordinal))
            {
                ended.Add(line["end ".Length..line.LastIndexOf(' ')]);
            }
            else if (line.StartsWith("exit ", StringComparison.Ordinal))
            {
                exited = line["exit ".Length..];
            }
        }

        string? running = exited ?? started.LastOrDefault(test => !ended.Contains(test));
        if (running is null)
        {
            return null;
        }

        (string className, string name) = Split(running);
        return new TestOutcome(className, name, false, Explain(output, exited is not null), TestRun.TaskOfClassName(className)) { Crashed = true };
    }

    /// <summary>The filter that runs what <paramref name="filter"/> runs, without the tests that crashed.</summary>
    public static string? Exclude(string? filter, IReadOnlyList<TestOutcome> crashed)
    {
        IEnumerable<string> parts = crashed.Select(test => "FullyQualifiedName!~" + Escape(test.ClassName + "." + MethodName(test.Name)));
        if (filter is not null)
        {
            parts = parts.Prepend("(" + filter + ")");
        }

        string joined = string.Join("&", parts);
        return joined.Length == 0 ? null : joined;
    }

    /// <summary>The outcomes of a run, with the crashed tests added in their tasks' places.</summary>
    public static IReadOnlyList<TestOutcome> Merge(IReadOnlyList<TestOutcome> outcomes, IReadOnlyList<TestOutcome> crashed)
    {
        List<TestOutcome> withTasks = crashed.Select(crash => crash with
        {
            // Prefer the task the [KataTask] category gave the crashed test's classmates.
            Task = outcomes.FirstOrDefault(outcome => outcome.ClassName == crash.ClassName)?.Task ?? crash.Task,
        }).ToList();
        return [.. withTasks.Concat(outcomes).OrderBy(outcome => outcome.Task)];
    }

    private static string Explain(string output, bool exited)
    {
        if (exited)
        {
            return "The test process ended while this test ran: your code called Environment.Exit (or Application exit). " +
                   "Kata code must never end the process: throw an exception or return a value instead.";
        }

        Match overflow = StackOverflowFrame().Match(output);
        if (output.Contains("Stack overflow", StringComparison.Ordinal))
        {
            string where = overflow.Success ? $" in {overflow.Groups["method"].Value}" : "";
            return $"The test process crashed with a stack overflow{where}: a method that calls itself without end. " +
                   "Check that the recursion has a base case it always reaches, or write it as a loop.";
        }

        Match native = NativeError().Match(output);
        if (native.Success || output.Contains("terminate called", StringComparison.Ordinal))
        {
            string what = native.Success ? native.Groups["what"].Value.Trim() : "a native error";
            return $"The test process crashed inside TorchSharp's native library (libtorch): {what}. libtorch ends the process " +
                   "instead of throwing for some errors, most often a matrix product of tensors whose shapes don't fit " +
                   "(print .shape of both before multiplying; matmul of [n] by [k, k] needs n == k).";
        }

        string tail = string.Join("\n", output.Split('\n').Select(line => line.TrimEnd()).Where(line => line.Length > 0).TakeLast(5));
        return "The test process ended unexpectedly while this test ran. Its last words:\n" + tail;
    }

    private static (string ClassName, string Name) Split(string fullName)
    {
        int parenthesis = fullName.IndexOf('(', StringComparison.Ordinal);
        string head = parenthesis < 0 ? fullName : fullName[..parenthesis];
        int dot = head.LastIndexOf('.');
        return dot < 0 ? ("", fullName) : (fullName[..dot], fullName[(dot + 1)..]);
    }

    private static string MethodName(string testName)
    {
        int parenthesis = testName.IndexOf('(', StringComparison.Ordinal);
        return parenthesis < 0 ? testName : testName[..parenthesis];
    }

    /// <summary>Escapes the characters the test filter syntax gives a meaning to.</summary>
    private static string Escape(string value) => FilterSpecials().Replace(value, match => "\\" + match.Value);

    [GeneratedRegex(@"[\\()&|=!~,]")]
    private static partial Regex FilterSpecials();

    [GeneratedRegex(@"what\(\):\s*(?<what>[^\n]*)")]
    private static partial Regex NativeError();

    [GeneratedRegex(@"Stack overflow\.[\s\S]*?at (?<method>Katas\.[\w.]+)")]
    private static partial Regex StackOverflowFrame();
}
