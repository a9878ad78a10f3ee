using System.Globalization;
using Katas.Kits;

namespace Katas.Cli.Grading.Class;

/// <summary>
/// One of <paramref name="Count"/> parts of a roster (--shard K/N): the students whose 0-based index modulo N is K-1. The CI
/// engine runs the N parts side by side; --merge then puts their results together.
/// </summary>
/// <param name="Number">K, from 1 to <paramref name="Count"/>.</param>
/// <param name="Count">N, at least 1.</param>
internal sealed record Shard(int Number, int Count)
{
    /// <summary>Reads "K/N".</summary>
    /// <exception cref="UsageException">It is not two whole numbers with 1 ≤ K ≤ N.</exception>
    public static Shard Parse(string text)
    {
        string[] parts = text.Split('/');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int number)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count)
            && count >= 1 && number >= 1 && number <= count
                ? new Shard(number, count)
                : throw new UsageException($"--shard must be K/N with whole numbers 1 <= K <= N, e.g. --shard 2/3; got \"{text}\".");
    }

    /// <summary>Whether the student at roster index <paramref name="index"/> is in this part.</summary>
    public bool Takes(int index) => index % Count == Number - 1;

    /// <summary>The students of <paramref name="roster"/> in this part, in roster order.</summary>
    public IReadOnlyList<RosterEntry> Of(IReadOnlyList<RosterEntry> roster) => [.. roster.Where(entry => Takes(entry.Index))];
}
