using FluentAssertions;
using Katas.Cli.Authoring;
using Katas.Kits;

namespace Katas.Cli.Tests;

/// <summary>
/// `./kata new`'s names and edits, in process: which folder names it takes and why it refuses the others, the tokens it
/// fills, where the template's files go, and the README row. (.ci/scratch-kata.sh runs the whole command in a clone.)
/// </summary>
[Parallelizable(ParallelScope.Self)]
public sealed class NewKataTests
{
    [Test]
    public void A_folder_name_gives_the_number_and_the_pascal_case_name_of_the_projects()
    {
        NewKata kata = NewKata.Parse("96-image-filters", "  image filters by convolution ");

        (kata.Folder, kata.Number, kata.Name, kata.Title).Should().Be(("96-image-filters", "96", "ImageFilters", "image filters by convolution"));
        kata.Fill("namespace Katas.{{Name}}; // Kata {{number}}: {{title}}, katas/{{kata}}")
            .Should().Be("namespace Katas.ImageFilters; // Kata 96: image filters by convolution, katas/96-image-filters");
        kata.FillPath("tests/__Name__.Tests.csproj").Should().Be("tests/ImageFilters.Tests.csproj");
    }

    [TestCase("6-filters", "two digits")]
    [TestCase("96-Filters", "lower-case words")]
    [TestCase("96_filters", "two digits, a dash")]
    [TestCase("96-", "two digits, a dash")]
    [TestCase("01-anything", "Kata number 01 is taken by 01-linreg")]
    [TestCase("96-linreg", "01-linreg already has projects named Linreg")]
    public void A_bad_or_taken_name_is_refused_saying_why(string folder, string why)
    {
        Action parse = () => NewKata.Parse(folder, "a title");

        parse.Should().Throw<UsageException>().Which.Message.Should().Contain(why);
    }

    [Test]
    public void An_empty_title_is_refused() =>
        FluentActions.Invoking(() => NewKata.Parse("96-filters", " ")).Should().Throw<UsageException>().WithMessage("*title*");

    [Test]
    public void The_template_writes_the_four_kata_folders_and_the_docs_page_and_nothing_else()
    {
        IReadOnlyList<(string From, string To)> plan = KataTemplate.Plan(NewKata.Parse("96-filters", "filters"));

        plan.Select(step => step.To.Split('/')[0]).Distinct().Should().BeEquivalentTo("katas", "solutions", "tests", "kits", "docs");
        plan.Select(step => step.To).Should().Contain(
        [
            "katas/96-filters/Filters.csproj", "katas/96-filters/README.md", "katas/96-filters/HINTS.md", "solutions/96-filters/Filters.Solution.csproj",
            "tests/96-filters/Filters.Tests.csproj", "tests/96-filters/rubric.json", "kits/96-filters/Filters.Kit.csproj", "docs/96-filters.md",
        ]);
        plan.Where(step => step.To.StartsWith("tests/96-filters/Mutants/", StringComparison.Ordinal)).Should().HaveCountGreaterThanOrEqualTo(4);
        plan.Select(step => File.ReadAllText(step.From)).Should().OnlyContain(text => !text.Contains("99-scratch") && !text.Contains("Scratch"),
            "the template names no kata of its own");
    }

    [Test]
    public void The_readme_row_goes_after_the_last_kata_row_of_the_table()
    {
        const string readme = "intro\n   | kata | what you build |\n   |---|---|\n   | [00-a](katas/00-a/README.md) | a |\n   | [01-b](katas/01-b/README.md) | b |\n\nafter\n";

        string? updated = ReadmeKataTable.WithRow(readme, NewKata.Parse("96-filters", "image filters"));

        updated.Should().Be("intro\n   | kata | what you build |\n   |---|---|\n   | [00-a](katas/00-a/README.md) | a |\n   | [01-b](katas/01-b/README.md) | b |\n" +
                            "   | [96-filters](katas/96-filters/README.md) | image filters |\n\nafter\n");
        ReadmeKataTable.WithRow("no table here\n", NewKata.Parse("96-filters", "image filters")).Should().BeNull();
    }

    [Test]
    public void The_repository_readme_has_the_table_the_row_goes_into() =>
        ReadmeKataTable.WithRow(File.ReadAllText(Path.Combine(KataRepository.Root, "README.md")), NewKata.Parse("96-filters", "filters"))
            .Should().Contain("| [05-dense](katas/05-dense/README.md) |").And.Contain("| [96-filters](katas/96-filters/README.md) | filters |");
}
