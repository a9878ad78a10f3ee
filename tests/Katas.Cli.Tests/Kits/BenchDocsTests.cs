using FluentAssertions;
using Katas.Kits;

namespace Katas.Cli.Tests.Kits;

/// <summary>Benchmarks write their figures between their markers in the kata's docs, and nowhere else.</summary>
public sealed class BenchDocsTests
{
    private string _page = "";

    [SetUp]
    public void CreatePage() => _page = Path.Combine(Path.GetTempPath(), $"bench-docs-{Guid.NewGuid():N}.md");

    [TearDown]
    public void DeletePage() => File.Delete(_page);

    [Test]
    public void Only_the_named_block_is_replaced()
    {
        File.WriteAllText(_page, "intro\n<!-- bench:a -->\nold a\n<!-- /bench:a -->\nmiddle\n<!-- bench:b -->\nold b\n<!-- /bench:b -->\nend\n");

        BenchDocs.Replace(_page, "a", ["new a 1", "new a 2"]).Should().BeTrue();

        File.ReadAllText(_page).Should().Be("intro\n<!-- bench:a -->\nnew a 1\nnew a 2\n<!-- /bench:a -->\nmiddle\n<!-- bench:b -->\nold b\n<!-- /bench:b -->\nend\n");
    }

    [Test]
    public void A_page_without_the_block_is_left_alone()
    {
        File.WriteAllText(_page, "no markers here\n");

        BenchDocs.Replace(_page, "a", ["x"]).Should().BeFalse();

        File.ReadAllText(_page).Should().Be("no markers here\n");
    }

    [Test]
    public void A_block_that_is_not_closed_is_reported_with_the_file_and_nothing_is_written()
    {
        File.WriteAllText(_page, "<!-- /bench:a -->\n<!-- bench:a -->\nold\n");

        Action replace = () => BenchDocs.Replace(_page, "a", ["x"]);

        replace.Should().Throw<InvalidDataException>().WithMessage($"{_page}: the block <!-- bench:a -->*not closed*");
        File.ReadAllText(_page).Should().Be("<!-- /bench:a -->\n<!-- bench:a -->\nold\n");
    }

    [Test]
    public void A_report_is_written_as_its_title_a_Markdown_table_and_its_notes()
    {
        var report = new BenchReport("Times", "N", "seconds");
        report.AddRow("4", "0.5");
        report.AddRow("a|b", "1");
        report.AddNote("worst: 1 s");

        report.Markdown().Should().Equal("Times:", "", "| N | seconds |", "|---|---|", "| 4 | 0.5 |", "| a\\|b | 1 |", "", "- worst: 1 s");
    }

    [Test]
    public void A_row_with_the_wrong_number_of_cells_is_refused_naming_the_table()
    {
        var report = new BenchReport("Times", "N", "seconds");

        Action add = () => report.AddRow("4");

        add.Should().Throw<ArgumentException>().WithMessage("The table \"Times\" has 2 columns; a row gave 1 cells.*");
    }
}
