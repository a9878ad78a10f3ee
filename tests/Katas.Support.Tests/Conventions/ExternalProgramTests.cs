using FluentAssertions;
using Katas.Conventions;
using NUnit.Framework;

namespace Katas.Support.Tests.Conventions;

public sealed class ExternalProgramTests
{
    [Test]
    public void A_program_that_runs_to_its_end_leaves_its_exit_code_its_two_streams_and_both_in_the_order_printed()
    {
        ProgramResult result = ExternalProgram.Run("bash", ["-c", "echo one; echo two >&2; sleep 0.05; echo three; exit 3"]);

        result.ExitCode.Should().Be(3);
        result.Succeeded.Should().BeFalse();
        result.Output.Should().Be("one\nthree\n".ReplaceLineEndings());
        result.Error.Should().Be("two\n".ReplaceLineEndings());
        result.Combined.Should().Contain("two").And.EndWith("three" + Environment.NewLine);
    }

    [Test]
    public void Output_arrives_exactly_as_printed_nul_separators_carriage_returns_and_no_final_newline_included()
    {
        // git ls-tree -z and git cat-file blob: the grader reads file lists and a student's files this way.
        ExternalProgram.Run("printf", ["a\\0b\\r\\nc"]).Output.Should().Be("a\0b\r\nc");
    }

    [Test]
    public void Input_environment_and_folder_reach_the_program()
    {
        using var scratch = new TemporaryFolder("katas-program-");
        string folder = scratch.FullName;
        ProgramResult result = ExternalProgram.Run("bash", ["-c", "read line; echo \"$line $KATAS_PROGRAM_TEST $(pwd)\""],
            new ProgramOptions(folder, new Dictionary<string, string> { ["KATAS_PROGRAM_TEST"] = "set" }, "typed\n"));

        result.Succeeded.Should().BeTrue(result.Error);
        result.Output.Trim().Should().Be($"typed set {new DirectoryInfo(folder).FullName}");
    }

    [Test]
    public void A_program_that_is_not_installed_is_named_in_the_exception()
    {
        Action run = () => ExternalProgram.Run("katas-no-such-program", []);

        run.Should().Throw<ProgramNotFoundException>()
            .Where(exception => exception.Program == "katas-no-such-program" && exception.Message.Contains("not installed", StringComparison.Ordinal));
    }

    [Test]
    public void Git_runs_in_the_folder_it_is_given_and_never_asks_for_a_password()
    {
        using var scratch = new TemporaryFolder("katas-git-");
        string folder = scratch.FullName;
        Git.Run(folder, "init", "-q").Succeeded.Should().BeTrue();
        Git.Run(folder, "rev-parse", "--show-toplevel").Output.Trim().Should().Be(new DirectoryInfo(folder).FullName);

        // An address that would ask for credentials fails at once with git's own message instead of waiting.
        ProgramResult clone = Git.Run(folder, "clone", "-q", "https://127.0.0.1:9/nobody/nothing.git", "copy");
        clone.Succeeded.Should().BeFalse();
        clone.Error.Should().NotBeEmpty();
    }
}
