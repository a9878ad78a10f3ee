using FluentAssertions;
using Katas.Conventions;

namespace Katas.Cli.Tests;

/// <summary>
/// `./kata reset NN` on a scratch clone of the repository (never this checkout): it asks first, keeps uncommitted work
/// unless --force, and restores the stubs of the newest commit where every task is a stub, skipping the learner's commits.
/// </summary>
[Parallelizable(ParallelScope.Self)]
public sealed class ResetTests
{
    private const string Stub = "katas/01-linreg/Loss.cs";

    [Test]
    public void Reset_keeps_uncommitted_work_asks_first_and_restores_the_original_stubs_past_the_learners_commits()
    {
        using var folder = new TemporaryFolder("katas-reset");
        string clone = folder.PathOf("repo");
        // Reset reads the kata folder and git's history only: a sparse clone (the top-level files and katas/) is enough,
        // and checks out in a tenth of the time of the whole tree.
        GitOutput(Testing.KataEnvironment.RepoRoot, "clone", "-q", "--sparse", Testing.KataEnvironment.RepoRoot, clone);
        GitOutput(clone, "sparse-checkout", "set", "katas");
        string stub = Path.Combine(clone, Stub);
        string original = File.ReadAllText(stub);
        original.Should().Contain("is not implemented yet", $"{Stub} is a stub in the committed repository");

        // Uncommitted work: refused without --force, even with --yes, and the file stays as the learner left it.
        // The learner's attempt: task 1's stub no longer throws its "not implemented yet" message.
        string edited = System.Text.RegularExpressions.Regex.Replace(original, @"throw new NotImplementedException\((?:[^;])*;", "return (slope * heights + intercept - weights).square().mean();");
        edited.Should().NotContain("is not implemented yet");
        File.WriteAllText(stub, edited);
        (int refused, string refusedOutput, _) = Reset(clone, "01", "--yes");
        refused.Should().Be(1);
        refusedOutput.Should().Contain("katas/01-linreg has uncommitted changes").And.Contain("Loss.cs").And.Contain("--force");
        File.ReadAllText(stub).Should().Be(edited, "reset refused, so nothing changed");

        // --force without --yes on redirected input: refused, it can't ask.
        (int noAnswer, _, string noAnswerError) = Reset(clone, "01", "--force");
        noAnswer.Should().Be(2);
        noAnswerError.Should().Contain("input is not a terminal here: add --yes");
        File.ReadAllText(stub).Should().Be(edited);

        // An untracked file of the learner's goes too, with --force.
        string extra = Path.Combine(clone, "katas/01-linreg/Scratch.cs");
        File.WriteAllText(extra, "// trying things\n");
        (int forced, string forcedOutput, string forcedError) = Reset(clone, "01", "--force", "--yes");
        forced.Should().Be(0, forcedError);
        forcedOutput.Should().Contain("holds the original stubs again");
        File.ReadAllText(stub).Should().Be(original);
        File.Exists(extra).Should().BeFalse("the original has no Scratch.cs");

        // Committed work: reset goes back past the learner's commit to the stubs, and the commit stays.
        File.WriteAllText(stub, edited);
        GitOutput(clone, "add", Stub);
        GitOutput(clone, "-c", "user.name=Learner", "-c", "user.email=learner@example.org", "commit", "-q", "-m", "my loss");
        string head = GitOutput(clone, "rev-parse", "HEAD");
        (int committed, string committedOutput, string committedError) = Reset(clone, "1", "--yes");
        committed.Should().Be(0, committedError);
        committedOutput.Should().Contain("Your committed work is still in git");
        File.ReadAllText(stub).Should().Be(original, "the stub of the commit before the learner's");
        GitOutput(clone, "rev-parse", "HEAD").Should().Be(head, "reset changes the working tree only");

        (int again, string againOutput, _) = Reset(clone, "01", "--yes");
        again.Should().Be(0);
        againOutput.Should().Contain("nothing to reset");
    }

    private static (int ExitCode, string Output, string Error) Reset(string clone, params string[] arguments) =>
        ToolProcess.Run(["reset", .. arguments], workingDirectory: clone, input: "");

    private static string GitOutput(string folder, params string[] arguments)
    {
        ProgramResult git = Git.Run(folder, arguments);
        git.ExitCode.Should().Be(0, $"git {string.Join(' ', arguments)}: {git.Error}");
        return git.Output.Trim();
    }
}
