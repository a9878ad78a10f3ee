using FluentAssertions;
using Katas.Data;
using Katas.Spread;

namespace Katas.Support.Tests.Data;

/// <summary>The best-known Tammes angles come from data/tammes-best-known.tsv, whole and as written, with a clear error for a damaged file.</summary>
public sealed class BestKnownTammesTests
{
    [Test]
    public void The_embedded_table_has_every_N_from_4_to_200_with_a_source()
    {
        BestKnownTammes.Rows.Select(row => row.N).Should().Equal(Enumerable.Range(4, 197));
        BestKnownTammes.Rows.Should().OnlyContain(row => row.Source.Length > 0);
    }

    [Test]
    public void The_embedded_table_is_the_committed_file_as_written()
    {
        string path = Path.Combine(RepositoryFolders.Data!, BestKnownTammes.FileName);
        using var reader = new StreamReader(path);

        BestKnownTammes.Parse(reader, path).Should().Equal(BestKnownTammes.Rows);
    }

    [Test]
    public void The_proved_optima_agree_with_their_closed_forms()
    {
        // Tetrahedron arccos(−1/3); octahedron 90°; icosahedron arccos(1/√5), for 11 as well (one vertex removed).
        SpreadGeometry.BestKnownDegrees3D[4].Should().BeApproximately(Math.Acos(-1.0 / 3) * 180 / Math.PI, 1e-7);
        SpreadGeometry.BestKnownDegrees3D[6].Should().Be(90);
        SpreadGeometry.BestKnownDegrees3D[11].Should().BeApproximately(Math.Acos(1 / Math.Sqrt(5)) * 180 / Math.PI, 1e-8);
        SpreadGeometry.BestKnownDegrees3D[12].Should().BeApproximately(Math.Acos(1 / Math.Sqrt(5)) * 180 / Math.PI, 1e-8);
    }

    [Test]
    public void More_points_never_have_a_larger_best_angle()
    {
        // Dropping a point from an arrangement of N + 1 keeps its smallest angle, so the table cannot increase with N.
        BestKnownTammes.Rows.Zip(BestKnownTammes.Rows.Skip(1)).Should().OnlyContain(pair => pair.Second.Degrees <= pair.First.Degrees);
    }

    [TestCase("N\tangle\tsource\n4\t109.47\tx\n", 1, "expected the header")]
    [TestCase("N\tangle_deg\tsource\n4\t109.47\n", 2, "expected N, an angle")]
    [TestCase("N\tangle_deg\tsource\n4\t1e2\tx\n", 2, "expected N, an angle")]
    [TestCase("N\tangle_deg\tsource\n4\t190\tx\n", 2, "above 0 and at most 180")]
    [TestCase("N\tangle_deg\tsource\n5\t90\tx\n4\t109.47\tx\n", 3, "N = 4 does not come after N = 5")]
    public void A_damaged_table_is_refused_naming_the_line(string text, int line, string problem)
    {
        Action parse = () => BestKnownTammes.Parse(new StringReader(text), "table.tsv");

        parse.Should().Throw<DataFormatException>().WithMessage($"table.tsv, line {line}: *{problem}*");
    }
}
