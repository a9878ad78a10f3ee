namespace Katas.Testing;

/// <summary>
/// A line per test start and end in the file named by KATAS_PROGRESS_FILE (set by `katas check`):
/// "start &lt;test&gt;", "end &lt;test&gt; &lt;outcome&gt;", and "exit &lt;test&gt;" when the process exits while a
/// test runs (learner code called Environment.Exit). A native abort or a stack overflow ends the process
/// without a word; the last "start" without its "end" then names the test that was running.
/// </summary>
public static class TestProgress
{
    private static readonly string? File = Environment.GetEnvironmentVariable("KATAS_PROGRESS_FILE") is { Length: > 0 } path ? path : null;
    private static readonly object Gate = new();
    private static string? _running;
    private static bool _hooked;

    /// <summary>The test now running, if any.</summary>
    public static string? Running
    {
        get
        {
            lock (Gate)
            {
                return _running;
            }
        }
    }

    /// <summary>Records that <paramref name="test"/> started.</summary>
    public static void Started(string test)
    {
        lock (Gate)
        {
            _running = test;
            if (!_hooked)
            {
                _hooked = true;
                AppDomain.CurrentDomain.ProcessExit += (_, _) =>
                {
                    if (Running is { } running)
                    {
                        Append($"exit {running}");
                    }
                };
            }
        }

        Append($"start {test}");
    }

    /// <summary>Records that <paramref name="test"/> ended with <paramref name="outcome"/>.</summary>
    public static void Finished(string test, string outcome)
    {
        lock (Gate)
        {
            _running = null;
        }

        Append($"end {test} {outcome}");
    }

    private static void Append(string line)
    {
        if (File is null)
        {
            return;
        }

        lock (Gate)
        {
            // Flushed at once: the process may be gone a moment later.
            System.IO.File.AppendAllText(File, line + Environment.NewLine);
        }
    }
}
