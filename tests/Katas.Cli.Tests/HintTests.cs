using FluentAssertions;
using Katas.Cli.Hints;
using Katas.Conventions;
using Katas.Data;
using Katas.Kits;

namespace Katas.Cli.Tests;

/// <summary>`./kata hint NN TASK`: one more tier each time, remembered in a state file (a temporary one here, never the learner's).</summary>
[Parallelizable(ParallelScope.Self)]
public sealed class HintTests
{
    [Test]
    public void Each_call_shows_the_next_tier_and_the_state_file_remembers_it_across_runs()
    {
        string folder = Directory.CreateTempSubdirectory("katas-hints").FullName;
        string state = Path.Combine(folder, "hints.json");
        var environment = new Dictionary<string, string> { [HintProgress.EnvironmentVariable] = state };
        IReadOnlyList<HintTier> tiers = HintFile.Read("01-linreg")[2];
        tiers.Should().HaveCountGreaterThanOrEqualTo(2, "kata 01's task 2 has tiered hints in katas/01-linreg/HINTS.md");
        try
        {
            // The first call as a learner makes it, in its own process, with the state file named by the environment variable;
            // the rest in process with --state naming the same file.
            (int first, string firstOutput, string firstError) = ToolProcess.Run(["hint", "01", "2"], environment);
            first.Should().Be(0, firstError);
            firstOutput.Should().Contain($"01-linreg, task 2, tier 1 of {tiers.Count}").And.Contain(tiers[0].Text).And.NotContain(tiers[1].Text);
            File.Exists(state).Should().BeTrue("the tier seen is written to the file KATAS_HINTS_FILE names");

            string secondOutput = Hint("01", "2", "--state", state);
            secondOutput.Should().Contain($"tier 2 of {tiers.Count}").And.Contain(tiers[1].Text).And.NotContain(tiers[0].Text);

            Hint("01", "1", "--state", state).Should().Contain("01-linreg, task 1, tier 1 of", "each task has its own count");

            string summary = Hint("01", "--state", state);
            summary.Should().Contain("task 1: 1 of").And.Contain($"task 2: 2 of {tiers.Count} tiers seen").And.Contain("task 3: 0 of");

            Hint("01", "2", "--again", "--state", state).Should().Contain(tiers[0].Text).And.Contain(tiers[1].Text);
            Hint("01", "--state", state).Should().Contain($"task 2: 2 of {tiers.Count} tiers seen", "--again shows without moving on");

            Hint("01", "--forget", "--state", state).Should().Contain("start from tier 1 again");
            Hint("01", "2", "--state", state).Should().Contain("tier 1 of", "the state file was emptied for kata 01");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void A_damaged_state_file_is_an_error_naming_it()
    {
        using var folder = new TemporaryFolder("katas-hints");
        string state = folder.PathOf("hints.json");
        File.WriteAllText(state, "{ not json");
        (int exitCode, _, string error) = InProcessTool.Run(["hint", "01", "1", "--state", state]);
        exitCode.Should().Be(3, "a malformed data file exits with code 3");
        error.Should().Contain(state).And.Contain("delete the file to start the hints again");
    }

    [TestCaseSource(nameof(Katas))]
    public void Every_hints_file_parses_and_names_only_tasks_of_its_README(string kata)
    {
        if (!File.Exists(HintFile.PathOf(kata)))
        {
            Assert.Ignore($"{kata} has no HINTS.md yet.");
        }

        IReadOnlyDictionary<int, IReadOnlyList<HintTier>> hints = HintFile.Read(kata);
        hints.Should().NotBeEmpty($"katas/{kata}/HINTS.md has \"## Task N\" sections");
        KataReadme.Tasks(kata).Should().Contain(hints.Keys, $"katas/{kata}/HINTS.md gives hints for tasks its README lists");
    }

    private static IEnumerable<string> Katas() => KataRepository.Katas;

    [TestCase("## Task 1\n### Tier 2\ntext", 2, "task 1: expected tier 1, found tier 2")]
    [TestCase("intro\n### Tier 1\ntext", 2, "a \"### Tier\" heading before any \"## Task N\" heading")]
    [TestCase("## Task 1\n### Tier 1\n\n## Task 2\n### Tier 1\nx", 2, "task 1, tier 1 has no text")]
    [TestCase("## Task 1\n### Tier 1\nx\n## Task 1\n### Tier 1\ny", 4, "task 1 appears twice")]
    public void A_malformed_hints_file_is_an_error_naming_the_line(string text, int line, string problem)
    {
        FluentActions.Invoking(() => HintFile.Parse(text, "katas/99-x/HINTS.md")).Should().Throw<DataFormatException>()
            .Which.Should().Match<DataFormatException>(e => e.Line == line && e.Message.Contains(problem) && e.File == "katas/99-x/HINTS.md");
    }

    [Test]
    public void Tiers_keep_their_titles_and_text()
    {
        IReadOnlyDictionary<int, IReadOnlyList<HintTier>> hints = HintFile.Parse("# Intro\n\n## Task 3\n\n### Tier 1\n\nfirst\n\n### Tier 2: memory\n\nsecond\nline\n", "x");
        hints[3].Should().Equal(new HintTier(1, "", "first"), new HintTier(2, "memory", "second\nline"));
    }

    /// <summary>`./kata hint` run in process; its output, after checking it succeeded.</summary>
    private static string Hint(params string[] arguments)
    {
        (int exitCode, string output, string error) = InProcessTool.Run(["hint", .. arguments]);
        exitCode.Should().Be(0, error);
        return output;
    }
}
