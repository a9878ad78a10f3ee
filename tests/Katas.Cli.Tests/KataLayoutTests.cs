using System.Text.RegularExpressions;
using FluentAssertions;
using Katas.Conventions;
using Katas.Kits;
using Katas.Testing;

namespace Katas.Cli.Tests;

/// <summary>
/// The repository keeps its promises about kata folders, so learners, the tool and CI can rely on them.
/// Each failure names the kata and what it lacks. These read the committed files (git HEAD) where a
/// learner may have edited the working copy, so solving a kata never turns them red.
/// </summary>
[Parallelizable(ParallelScope.Self)]
public sealed partial class KataLayoutTests
{
    private static string Root => KataEnvironment.RepoRoot;

    private static IEnumerable<string> Katas() =>
        Directory.GetDirectories(Path.Combine(Root, "katas")).Select(Path.GetFileName).OfType<string>().Where(KataRepository.IsKataFolderName).Order();

    [TestCaseSource(nameof(Katas))]
    public void Every_kata_file_has_a_reference_solution_and_given_files_are_identical(string kata)
    {
        string[] files = SourceFiles(Path.Combine(Root, "katas", kata));
        SourceFiles(Path.Combine(Root, "solutions", kata)).Should().BeEquivalentTo(files, $"solutions/{kata} implements exactly the files of katas/{kata}");
        foreach (string file in files)
        {
            string stub = Committed($"katas/{kata}/{file}");
            if (!stub.Contains("NotImplementedException", StringComparison.Ordinal))
            {
                // A file without stubs is given code (the article's loops, helpers): learners and the solution must see the same.
                Committed($"solutions/{kata}/{file}").Should().Be(stub, $"{file} is given code in katas/{kata}, so solutions/{kata} must have the same");
            }
        }
    }

    [TestCaseSource(nameof(Katas))]
    public void Every_stub_names_its_kata_task_and_instructions(string kata)
    {
        string number = kata[..2];
        IReadOnlyList<int> tasks = KataReadme.Tasks(kata);
        foreach (string file in SourceFiles(Path.Combine(Root, "katas", kata)))
        {
            foreach (Match stub in StubMessage().Matches(Committed($"katas/{kata}/{file}")))
            {
                string message = stub.Groups["message"].Value;
                message.Should().MatchRegex($"^Kata {number}, tasks? \\d.* is not implemented yet: see katas/{kata}/README.md, tasks? \\d",
                    $"the stub in katas/{kata}/{file} should say which kata and task it is and where the instructions are");
                int task = int.Parse(Regex.Match(message, @"tasks? (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                tasks.Should().Contain(task, $"the stub in katas/{kata}/{file} names task {task}, which katas/{kata}/README.md must list under ## Tasks");
            }
        }
    }

    [TestCaseSource(nameof(Katas))]
    public void Every_kata_has_a_readme_with_numbered_tasks(string kata)
    {
        File.Exists(KataReadme.PathOf(kata)).Should().BeTrue($"katas/{kata} needs a README.md with the goal, the maths and the tasks");
        KataReadme.Tasks(kata).Should().NotBeEmpty($"katas/{kata}/README.md needs a \"## Tasks\" section with numbered tasks (\"1. ...\")");
        KataReadme.Tasks(kata).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems($"the tasks of katas/{kata}/README.md are numbered 1, 2, 3, ...");
    }

    [TestCaseSource(nameof(Katas))]
    public void Every_kata_has_tests_snapshots_and_at_least_four_mutants(string kata)
    {
        Directory.GetFiles(Path.Combine(Root, "tests", kata), "*.csproj").Should().ContainSingle($"tests/{kata} needs one test project");
        string snapshots = Path.Combine(Root, "tests", kata, "Snapshots");
        (Directory.Exists(snapshots) ? Directory.GetFiles(snapshots, "*.verified.txt") : []).Should().NotBeEmpty($"tests/{kata}/Snapshots needs the verified plot data of the kata's figures");
        string mutants = Path.Combine(Root, "tests", kata, "Mutants");
        (Directory.Exists(mutants) ? Directory.GetFiles(mutants, "*.mutant") : []).Should().HaveCountGreaterThanOrEqualTo(4,
            $"tests/{kata}/Mutants needs at least four plausible learner bugs that the tests catch");
    }

    [TestCaseSource(nameof(Katas))]
    public void Every_test_class_of_a_kata_is_tagged_with_a_task_of_its_readme(string kata)
    {
        IReadOnlyList<int> tasks = KataReadme.Tasks(kata);
        var tagged = new HashSet<int>();
        foreach (string file in SourceFiles(Path.Combine(Root, "tests", kata)))
        {
            foreach (Match fixture in TestClass().Matches(File.ReadAllText(Path.Combine(Root, "tests", kata, file))))
            {
                string name = fixture.Groups["name"].Value;
                fixture.Groups["task"].Success.Should().BeTrue($"{name} in tests/{kata}/{file} needs [KataTask(n)] naming the task it checks");
                int task = int.Parse(fixture.Groups["task"].Value, System.Globalization.CultureInfo.InvariantCulture);
                tasks.Should().Contain(task, $"{name} in tests/{kata}/{file} is tagged with task {task}, which katas/{kata}/README.md does not list");
                name.Should().StartWith($"Task{task}", $"a test class is named Task<n><Name>Tests after the task it is tagged with ({name}, [KataTask({task})])");
                tagged.Add(task);
            }
        }

        tagged.Should().BeEquivalentTo(tasks, $"every task of katas/{kata}/README.md needs tests, and every test a task");
    }

    [TestCaseSource(nameof(Katas))]
    public void Every_kata_has_a_kit_with_a_demo(string kata)
    {
        Directory.Exists(Path.Combine(Root, "kits", kata)).Should().BeTrue($"kits/{kata} holds the kata's runs, figures and demo");
        KitCatalog.Demos.Select(demo => demo.Kata).Should().Contain(kata, $"kits/{kata} needs a class implementing IKataDemo, so `katas demo` draws its figures");
    }

    [TestCaseSource(nameof(Katas))]
    public void Every_kata_project_is_in_the_solution(string kata)
    {
        string solution = File.ReadAllText(Path.Combine(Root, "Katas.slnx")).Replace('\\', '/');
        foreach (string folder in new[] { "katas", "solutions", "tests", "kits" })
        {
            foreach (string project in Directory.GetFiles(Path.Combine(Root, folder, kata), "*.csproj"))
            {
                solution.Should().Contain($"{folder}/{kata}/{Path.GetFileName(project)}",
                    $"Katas.slnx lists every project so IDEs show it: dotnet sln add katas/{kata} solutions/{kata} tests/{kata} kits/{kata}");
            }
        }
    }

    private static string[] SourceFiles(string folder) =>
        Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(folder, path).Replace('\\', '/'))
            .Where(path => !path.StartsWith("bin/", StringComparison.Ordinal) && !path.StartsWith("obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToArray();

    /// <summary>The committed text of a file (git HEAD), or the working copy where git or the commit is not available.</summary>
    private static string Committed(string relativePath)
    {
        try
        {
            ProgramResult git = Git.Run(Root, "show", "HEAD:" + relativePath);
            if (git.Succeeded)
            {
                return git.Output;
            }
        }
        catch (ProgramNotFoundException)
        {
            // No git: a download of the repository; its working copy is what there is.
        }

        return File.ReadAllText(Path.Combine(Root, relativePath));
    }

    [GeneratedRegex("new NotImplementedException\\(\\s*\"(?<message>[^\"]*)\"")]
    private static partial Regex StubMessage();

    [GeneratedRegex(@"(?:\[KataTask\((?<task>\d+)\)\]\s*)?public (?:sealed )?class (?<name>\w+) : KataTest")]
    private static partial Regex TestClass();
}
