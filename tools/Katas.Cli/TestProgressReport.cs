namespace Katas.Cli;

/// <summary>Where a test run is: tests finished so far and the one running (from the progress file the tests write).</summary>
internal sealed record TestProgressReport(int Done, string? Running)
{
    /// <summary>Reads the progress file (tests/Katas.Testing/TestProgress.cs); <paramref name="alreadyDone"/> counts earlier runs' tests.</summary>
    public static TestProgressReport Read(string progressFile, int alreadyDone)
    {
        string[] lines;
        try
        {
            lines = File.Exists(progressFile) ? File.ReadAllLines(progressFile) : [];
        }
        catch (IOException)
        {
            return new TestProgressReport(alreadyDone, null); // being written: next time
        }

        int done = lines.Count(line => line.StartsWith("end ", StringComparison.Ordinal));
        string? last = lines.LastOrDefault();
        string? running = last is not null && last.StartsWith("start ", StringComparison.Ordinal) ? last["start ".Length..] : null;
        return new TestProgressReport(alreadyDone + done, running);
    }
}
