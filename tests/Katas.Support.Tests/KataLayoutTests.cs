using System.Text.RegularExpressions;
using FluentAssertions;
using Katas.Testing;

namespace Katas.Support.Tests;

/// <summary>The repository keeps its promises about kata folders, so learners and CI can rely on them.</summary>
public sealed partial class KataLayoutTests
{
    private static string Root => KataEnvironment.RepoRoot;

    private static IEnumerable<string> Katas() =>
        Directory.GetDirectories(Path.Combine(KataEnvironment.RepoRoot, "katas")).Select(Path.GetFileName).OfType<string>().Order();

    [TestCaseSource(nameof(Katas))]
    public void Every_kata_file_has_a_reference_solution_and_given_files_are_identical(string kata)
    {
        string stubs = Path.Combine(Root, "katas", kata);
        string solutions = Path.Combine(Root, "solutions", kata);
        string[] files = SourceFiles(stubs);
        SourceFiles(solutions).Should().BeEquivalentTo(files, $"solutions/{kata} implements exactly the files of katas/{kata}");
        foreach (string file in files)
        {
            string stub = File.ReadAllText(Path.Combine(stubs, file));
            if (!stub.Contains("NotImplementedException", StringComparison.Ordinal))
            {
                // A file without stubs is given code (the article's loops, helpers): learners and the solution must see the same.
                File.ReadAllText(Path.Combine(solutions, file)).Should().Be(stub, $"{file} is given code in katas/{kata}, so solutions/{kata} must have the same");
            }
        }
    }

    [TestCaseSource(nameof(Katas))]
    public void Every_stub_names_its_kata_task_and_instructions(string kata)
    {
        string number = kata[..2];
        foreach (string file in SourceFiles(Path.Combine(Root, "katas", kata)))
        {
            string text = File.ReadAllText(Path.Combine(Root, "katas", kata, file));
            foreach (Match stub in StubMessage().Matches(text))
            {
                stub.Groups["message"].Value.Should().MatchRegex($"^Kata {number}, tasks? \\d.* is not implemented yet: see katas/{kata}/README.md, tasks? \\d",
                    $"the stub in {file} should say which kata and task it is and where the instructions are");
            }
        }
    }

    [TestCaseSource(nameof(Katas))]
    public void Every_kata_has_a_readme_tests_snapshots_and_at_least_four_mutants(string kata)
    {
        File.Exists(Path.Combine(Root, "katas", kata, "README.md")).Should().BeTrue();
        Directory.GetFiles(Path.Combine(Root, "tests", kata), "*.Tests.csproj").Should().ContainSingle();
        Directory.GetFiles(Path.Combine(Root, "tests", kata, "Snapshots"), "*.verified.txt").Should().NotBeEmpty();
        Directory.GetFiles(Path.Combine(Root, "tests", kata, "Mutants"), "*.mutant").Should().HaveCountGreaterThanOrEqualTo(4);
    }

    private static string[] SourceFiles(string folder) =>
        Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(folder, path))
            .Where(path => !path.StartsWith("bin", StringComparison.Ordinal) && !path.StartsWith("obj", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToArray();

    [GeneratedRegex("new NotImplementedException\\(\\s*\"(?<message>[^\"]*)\"")]
    private static partial Regex StubMessage();
}
