using FluentAssertions;
using Katas.Kits;

namespace Katas.Cli.Tests;

/// <summary>`katas reproduce` prints the article's rows in its convention and says whether each matches its printed digits.</summary>
public sealed class ReproduceTests
{
    [Test]
    public void Reproduce_matches_every_number_the_article_printed_and_states_its_convention()
    {
        (int exitCode, string output, string error) = InProcessTool.Run(["reproduce"], width: 240);

        // Spectre wraps long lines at the console's width: compare with every run of white space made one space.
        string text = System.Text.RegularExpressions.Regex.Replace(output, @"\s+", " ");
        exitCode.Should().Be(0, $"every row should match the article's printed digits (output: {output}{error})");
        text.Should().Contain("4 of 4 rows compared with the article's printed digits match", "the article printed two manual runs and two optimizer runs")
            .And.Contain("slope and intercept are the parameters AFTER the last update; the MSE is the last loss computed, BEFORE that update");
    }

    [Test]
    public void A_row_that_differs_from_the_printed_digits_is_counted_as_a_mismatch()
    {
        // The Adam run's line BEFORE its last update (5.27858, -180.776642) rounds to 5.28: not what the article printed.
        var before = new Trajectory([new TrajectoryStep(0, 5.27858, -180.776642, 138.413254)], new Line(5.27858, -180.776642));
        var after = new Trajectory([new TrajectoryStep(0, 5.27858, -180.776642, 138.413254)], new Line(5.285544, -180.770142));
        var printed = new PrintedResult("5.29", "-180.77", "138.4");

        ReproducedTable table = ArticleRuns.Table("Adam", [new("before", "", new Line(6, -180), before, printed), new("after", "", new Line(6, -180), after, printed)]);

        table.Mismatches.Should().Be(1);
        table.Rows[0][^1].Should().Be("no (5.28, -180.78, 138.4)");
        table.Rows[1][^1].Should().Be("yes");
    }
}
