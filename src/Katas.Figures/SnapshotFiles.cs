namespace Katas.Figures;

/// <summary>
/// The files of plot snapshots: &lt;name&gt;.verified.txt (the committed oracle) and &lt;name&gt;.received.txt
/// (what a run produced when it differed), whose first line records which implementation produced it, so
/// that `katas accept` can refuse anything but the reference solutions.
/// </summary>
public static class SnapshotFiles
{
    /// <summary>The extension of a committed snapshot.</summary>
    public const string VerifiedExtension = ".verified.txt";

    /// <summary>The extension of a snapshot a run produced.</summary>
    public const string ReceivedExtension = ".received.txt";

    private const string ProducerPrefix = "# produced by: ";

    /// <summary>Writes a received snapshot stamped with its producer (a KataSource: solutions, katas, or a folder).</summary>
    public static void WriteReceived(string path, string producer, string snapshot)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, ProducerPrefix + producer + "\n" + snapshot);
    }

    /// <summary>Reads a received snapshot's producer and text; false when it has no producer stamp.</summary>
    public static bool TryReadReceived(string path, out string? producer, out string? snapshot)
    {
        string text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        int newline = text.IndexOf('\n', StringComparison.Ordinal);
        if (!text.StartsWith(ProducerPrefix, StringComparison.Ordinal) || newline < 0)
        {
            producer = null;
            snapshot = null;
            return false;
        }

        producer = text[ProducerPrefix.Length..newline].Trim();
        snapshot = text[(newline + 1)..];
        return true;
    }

    /// <summary>The verified file a received file would become.</summary>
    public static string VerifiedPathFor(string received) => received[..^ReceivedExtension.Length] + VerifiedExtension;
}
