using System.Text.RegularExpressions;

namespace Katas.Runner.Supervision;

/// <summary>
/// Says in plain words why a test process died, from its last words on standard error: libtorch's native error, a stack
/// overflow, or Environment.Exit (which the worker announces itself before the process ends).
/// </summary>
public static partial class CrashCause
{
    /// <summary>The explanation for a test that was running when its process ended.</summary>
    /// <param name="errorOutput">What the process wrote to standard error (its last lines are enough).</param>
    /// <param name="exited">Whether learner code called Environment.Exit.</param>
    /// <param name="exitCode">The process's exit code, when known.</param>
    public static string Explain(string errorOutput, bool exited, int? exitCode = null)
    {
        if (exited)
        {
            return "The test process ended while this test ran: your code called Environment.Exit (or Application exit). " +
                   "Kata code must never end the process: throw an exception or return a value instead.";
        }

        if (errorOutput.Contains("Stack overflow", StringComparison.Ordinal))
        {
            Match overflow = StackOverflowFrame().Match(errorOutput);
            string where = overflow.Success ? $" in {overflow.Groups["method"].Value}" : "";
            return $"The test process crashed with a stack overflow{where}: a method that calls itself without end. " +
                   "Check that the recursion has a base case it always reaches, or write it as a loop.";
        }

        Match native = NativeError().Match(errorOutput);
        if (native.Success || errorOutput.Contains("terminate called", StringComparison.Ordinal))
        {
            string what = native.Success ? native.Groups["what"].Value.Trim() : "a native error";
            string likely = what.Contains("dtype", StringComparison.Ordinal)
                ? "here a matrix product of tensors of two dtypes (double is float64, float is float32): make them the same, e.g. build a " +
                  "matrix from C# doubles for float64 points, or convert one side with to_type"
                : "most often a matrix product of tensors whose shapes don't fit (print .shape of both before multiplying; matmul of [n] by " +
                  "[k, k] needs n == k)";
            return $"The test process crashed inside TorchSharp's native library (libtorch): {what}. libtorch ends the process " +
                   $"instead of throwing for some errors, {likely}.";
        }

        string tail = string.Join("\n", errorOutput.Split('\n').Select(line => line.TrimEnd()).Where(line => line.Length > 0).TakeLast(5));
        string code = exitCode is int value ? $" (exit code {value})" : "";
        return tail.Length == 0
            ? $"The test process ended unexpectedly while this test ran{code}, without a word."
            : $"The test process ended unexpectedly while this test ran{code}. Its last words:\n{tail}";
    }

    [GeneratedRegex(@"what\(\):\s*(?<what>[^\n]*)")]
    private static partial Regex NativeError();

    [GeneratedRegex(@"Stack overflow\.[\s\S]*?at (?<method>Katas\.[\w.]+)")]
    private static partial Regex StackOverflowFrame();
}
