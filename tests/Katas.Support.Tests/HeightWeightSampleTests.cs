using FluentAssertions;
using Katas.Data;

namespace Katas.Support.Tests;

public sealed class HeightWeightSampleTests
{
    [Test]
    public void The_shipped_file_loads_as_it_is_with_150_people()
    {
        HeightWeightSample sample = HeightWeightSample.Load();
        sample.Source.Should().Be(Path.Combine(Testing.KataEnvironment.RepoRoot, "data", "height_v_weight.csv"), "the repository's file is read, not its copy in bin/");
        sample.Count.Should().Be(150);
        sample.Heights[0].Should().BeApproximately(73.847017017515, 1e-12);
        sample.Weights[0].Should().BeApproximately(241.893563180437, 1e-12);
        sample.Heights.Average().Should().BeApproximately(68.8816, 1e-4);
        sample.Weights.Average().Should().BeApproximately(185.5908, 1e-4);
    }

    [TestCase(" Gender,Height,Weight\n\"Male\",70\n", 2, "expected 3 comma-separated fields")]
    [TestCase("Gender,Height,Weight\n\"Male\",70,180\n\"Male\",seventy,180\n", 3, "the height \"seventy\" is not a number")]
    [TestCase("Gender,Height,Weight\n\"Male\",70,-5\n", 2, "the weight -5 is not positive")]
    [TestCase("Gender,Height,Weight\n\"Male\",70,NaN\n", 2, "is not a number")]
    [TestCase("Name,Height,Weight\n\"Male\",70,180\n", 1, "expected the header")]
    public void A_malformed_row_is_reported_with_the_file_and_line(string text, int line, string problem)
    {
        Action parse = () => HeightWeightSample.Parse(new StringReader(text), "people.csv");
        parse.Should().Throw<DataFormatException>()
            .Where(e => e.Line == line && e.File == "people.csv")
            .WithMessage($"people.csv, line {line}: *{problem}*");
    }

    [Test]
    public void An_empty_file_or_a_file_without_rows_is_refused()
    {
        Action empty = () => HeightWeightSample.Parse(new StringReader(""), "empty.csv");
        Action headerOnly = () => HeightWeightSample.Parse(new StringReader(" Gender,Height,Weight\n"), "header.csv");
        empty.Should().Throw<DataFormatException>().WithMessage("empty.csv: the file is empty*");
        headerOnly.Should().Throw<DataFormatException>().WithMessage("header.csv: the file has a header but no data rows.");
    }

    [Test]
    public void A_missing_file_is_named_in_the_error()
    {
        Action load = () => HeightWeightSample.Load("/no/such/file.csv");
        load.Should().Throw<DataFormatException>().WithMessage("/no/such/file.csv: file not found.");
    }
}
