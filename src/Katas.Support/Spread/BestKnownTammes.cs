using System.Globalization;
using Katas.Data;

namespace Katas.Spread;

/// <summary>One row of the best-known Tammes table: N points on the sphere in 3D, their best-known smallest angle, and where it comes from.</summary>
/// <param name="N">How many points.</param>
/// <param name="Degrees">The best-known smallest angle between two of them, in degrees.</param>
/// <param name="Source">Where the value comes from (Sloane's table, Lai et al. 2023, or both).</param>
public sealed record BestKnownAngle(int N, double Degrees, string Source);

/// <summary>
/// The best-known smallest angles of N points on the sphere in 3D (the Tammes problem), N = 4..200, read from
/// data/tammes-best-known.tsv (embedded in this library): Sloane's tables of spherical codes up to 130, and Lai, Yue, Hao,
/// Glover and Lü (2023) up to 200. N ≤ 14 and N = 24 are proved optimal; the rest are the best arrangements found so far.
/// The file's sources are in data/README.md.
/// </summary>
public static class BestKnownTammes
{
    /// <summary>The file's name in data/ and its resource name in this library.</summary>
    public const string FileName = "tammes-best-known.tsv";

    private static readonly Lazy<IReadOnlyList<BestKnownAngle>> Embedded = new(() =>
    {
        using Stream stream = typeof(BestKnownTammes).Assembly.GetManifestResourceStream(FileName)
            ?? throw new InvalidOperationException($"The resource {FileName} is missing from {typeof(BestKnownTammes).Assembly.GetName().Name}: rebuild it.");
        using var reader = new StreamReader(stream);
        return Parse(reader, "data/" + FileName);
    });

    /// <summary>Every row of the table, in order of N.</summary>
    public static IReadOnlyList<BestKnownAngle> Rows => Embedded.Value;

    /// <summary>
    /// Reads a table in the file's format: a header line "N, angle_deg, source" (tab-separated), then one row per N with
    /// the angle in degrees (invariant culture) and its source, N increasing.
    /// </summary>
    /// <param name="reader">The text.</param>
    /// <param name="name">The file's name, for messages.</param>
    /// <exception cref="DataFormatException">A line is malformed, an angle is not in (0, 180], or N does not increase.</exception>
    public static IReadOnlyList<BestKnownAngle> Parse(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string? header = reader.ReadLine();
        if (header?.Split('\t') is not ["N", "angle_deg", "source"])
        {
            throw new DataFormatException(name, 1, $"expected the header \"N<TAB>angle_deg<TAB>source\"; found \"{header}\".");
        }

        var rows = new List<BestKnownAngle>();
        int number = 1;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            string[] cells = line.Split('\t');
            if (cells.Length != 3
                || !int.TryParse(cells[0], NumberStyles.None, CultureInfo.InvariantCulture, out int n)
                || !double.TryParse(cells[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double degrees)
                || !(degrees > 0 && degrees <= 180))
            {
                throw new DataFormatException(name, number, $"expected N, an angle in degrees above 0 and at most 180, and a source, tab-separated; found \"{line}\".");
            }

            if (rows.Count > 0 && n <= rows[^1].N)
            {
                throw new DataFormatException(name, number, $"N = {n} does not come after N = {rows[^1].N}.");
            }

            rows.Add(new BestKnownAngle(n, degrees, cells[2]));
        }

        return rows;
    }
}
