namespace Katas.Victims;

/// <summary>A file a loader left out, and why.</summary>
/// <param name="Name">The file's name within the folder.</param>
/// <param name="Reason">Why it was left out, in plain words.</param>
public sealed record SkippedFile(string Name, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{Name}: {Reason}";
}
