using Katas.Data;
using FluentAssertions;
using Katas.Cli.Grading.Class;
using Katas.Conventions;
using Katas.Kits;

namespace Katas.Cli.Tests.Grading;

/// <summary>grade-class reads its roster strictly: every mistake names the file and the line, and the command exits with code 2.</summary>
[Parallelizable(ParallelScope.Self)]
public sealed class ClassRosterTests
{
    [Test]
    public void A_roster_gives_each_student_a_name_a_repository_and_an_optional_deadline()
    {
        IReadOnlyList<RosterEntry> roster = Roster.Parse(
            "name,repository,deadline\nada,/srv/ada,2026-12-01T23:59:00Z\n\nbob,\"/srv/with, comma\",\ncy,https://example.org/cy.git,2026-12-01T23:59:00+01:00\n", "class.csv");

        roster.Select(entry => (entry.Index, entry.Name, entry.Repository)).Should().Equal(
            (0, "ada", "/srv/ada"), (1, "bob", "/srv/with, comma"), (2, "cy", "https://example.org/cy.git"));
        roster[0].Deadline.Should().Be(new DateTimeOffset(2026, 12, 1, 23, 59, 0, TimeSpan.Zero));
        roster[1].Deadline.Should().BeNull("an empty deadline means the tip of HEAD");
        roster[2].Deadline.Should().Be(new DateTimeOffset(2026, 12, 1, 22, 59, 0, TimeSpan.Zero));
        roster.Select(entry => entry.Line).Should().Equal(2, 4, 5);
    }

    [Test]
    public void The_deadline_column_may_be_left_out()
    {
        Roster.Parse("name,repository\nada,/srv/ada\n", "class.csv").Single().Deadline.Should().BeNull();
    }

    [TestCase("", "class.csv, line 1: the header must be name,repository,deadline")]
    [TestCase("ada,/srv/ada\n", "class.csv, line 1: the header must be name,repository,deadline (deadline optional); got ada,/srv/ada")]
    [TestCase("name,deadline\nada,\n", "class.csv, line 1: the header must be")]
    [TestCase("name,repository,deadline\n", "class.csv: it lists no student under its header")]
    [TestCase("name,repository,deadline\nada,/srv/ada,\nbob\n", "class.csv, line 3: the repository column is missing")]
    [TestCase("name,repository,deadline\nada,/srv/ada,\nbob,,\n", "class.csv, line 3: bob has no repository")]
    [TestCase("name,repository,deadline\nada,/srv/ada,\nAda,/srv/other,\n", "class.csv, line 3: the name \"Ada\" is already on line 2")]
    [TestCase("name,repository,deadline\n,/srv/ada,\n", "class.csv, line 2: the name is empty")]
    [TestCase("name,repository,deadline\n../etc,/srv/ada,\n", "class.csv, line 2: the name \"../etc\" can't name a folder")]
    [TestCase("name,repository,deadline\nada lovelace,/srv/ada,\n", "class.csv, line 2: the name \"ada lovelace\" can't name a folder")]
    [TestCase("name,repository,deadline\nada,/srv/ada,tomorrow\n", "class.csv, line 2: the deadline \"tomorrow\" is not an ISO 8601 time")]
    [TestCase("name,repository,deadline\nada,/srv/ada,2026-12-01T23:59:00\n", "class.csv, line 2: the deadline \"2026-12-01T23:59:00\" is not")]
    public void A_malformed_roster_is_an_error_naming_the_file_and_line(string text, string message)
    {
        Action read = () => Roster.Parse(text, "class.csv");
        read.Should().Throw<DataFormatException>().Which.Message.Should().Contain(message);
    }

    [TestCase("name,repository,deadline\nada,/srv/ada,\nada,/srv/ada,\n", "line 3: the name \"ada\" is already on line 2")]
    [TestCase("name,repo\nada,/srv/ada\n", "line 1: the header must be name,repository,deadline")]
    public void The_command_refuses_a_malformed_roster_as_a_data_error_with_exit_code_3_naming_file_and_line(string text, string message)
    {
        using var folder = new TemporaryFolder("katas-roster");
        string roster = folder.PathOf("roster.csv");
        File.WriteAllText(roster, text);

        (int exitCode, string output, string error) = ToolProcess.Run(["grade-class", roster, "--katas", "01"]);

        exitCode.Should().Be(3, output + error);
        error.Should().Contain($"bad data file: {roster}, {message}").And.NotContain("usage: ./kata", "the command line was right; the file is not");
    }

    [TestCase("--shard 3/2", "--shard must be K/N with whole numbers 1 <= K <= N")]
    [TestCase("--shard 0/2", "--shard must be K/N")]
    [TestCase("--shard x", "--shard must be K/N")]
    [TestCase("--merge a --shard 1/2", "--merge only reads graded shards")]
    [TestCase("", "grade-class needs a ROSTER")]
    [TestCase("--merge /no/such/folder", "--merge: there is no folder \"/no/such/folder\"")]
    [TestCase("/no/such/roster.csv", "ROSTER: there is no file \"/no/such/roster.csv\"")]
    public void A_bad_grade_class_command_line_gets_a_usage_error(string arguments, string message)
    {
        (int exitCode, string output, string error) = InProcessTool.Run(["grade-class", .. arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)]);
        exitCode.Should().Be(2, output + error);
        error.Should().Contain(message);
    }

    [Test]
    public void Shards_split_the_roster_by_index_modulo_N_into_disjoint_parts_that_cover_it()
    {
        IReadOnlyList<RosterEntry> roster = [.. Enumerable.Range(0, 7).Select(index => new RosterEntry(index, index + 2, $"s{index}", $"/srv/s{index}", null))];

        List<IReadOnlyList<RosterEntry>> parts = [.. Enumerable.Range(1, 3).Select(k => Shard.Parse($"{k}/3").Of(roster))];

        parts.Select(part => part.Select(entry => entry.Name)).Should().SatisfyRespectively(
            first => first.Should().Equal("s0", "s3", "s6"),
            second => second.Should().Equal("s1", "s4"),
            third => third.Should().Equal("s2", "s5"));
        Shard.Parse("1/1").Of(roster).Should().Equal(roster);
    }
}
