using FluentAssertions;

namespace Katas.Cli.Tests;

/// <summary>
/// The katas tool as a learner starts it, one process per call: the exit code the process itself ends with for help, a usage
/// error and a data error, and a bench's split of its JSON (standard output) from its progress (standard error). Each test
/// starts processes of its own and shares nothing with the others, so they run side by side.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class ToolProcessTests
{
    [TestCase("no-such-command", 2, "usage: ./kata")]
    [TestCase("check 01 --task 9", 2, "usage: ./kata")]
    [TestCase("--help", 0, "COMMANDS:")]
    [TestCase("attack --image README.md", 3, "bad data file")]
    public void The_process_exits_with_the_code_the_command_line_earned(string arguments, int expectedExitCode, string expectedText)
    {
        // The usage errors, data errors and help run in process (CommandLineTests, KitCommandTests); this checks that the process itself ends with the same codes and prints the same.
        (int exitCode, string output, string error) = RunTool(arguments);
        exitCode.Should().Be(expectedExitCode, $"`katas {arguments}` (output: {output}{error})");
        (output + error).Should().Contain(expectedText);
    }

    [Test]
    public void A_bench_prints_one_json_document_with_its_conditions_memory_and_figures()
    {
        (int exitCode, string output, string error) = RunTool("bench tammes --from 4 --to 4 --json --no-docs");
        exitCode.Should().Be(0, error);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        System.Text.Json.JsonElement root = json.RootElement;
        root.GetProperty("bench").GetString().Should().Be("tammes");
        root.GetProperty("conditions").GetProperty("threads").GetInt32().Should().Be(1);
        root.GetProperty("conditions").GetProperty("configuration").GetString().Should().NotBeNullOrEmpty();
        root.GetProperty("memory").GetProperty("peak_resident_bytes").GetInt64().Should().BePositive();
        root.GetProperty("memory").GetProperty("leaked_tensors").GetInt64().Should().Be(0);
        root.GetProperty("tables")[0].GetProperty("rows").GetArrayLength().Should().Be(1, "--from and --to are both included");
        System.Text.Json.JsonElement first = root.GetProperty("figures")[0];
        first.GetProperty("n").GetInt32().Should().Be(4);
        first.GetProperty("reached_degrees").GetDouble().Should().BeApproximately(Math.Acos(-1.0 / 3) * 180 / Math.PI, 1e-5);
        error.Should().Contain("N = 4:", "progress goes to stderr, so stdout stays one JSON document");
    }

    /// <summary>Runs the tool in its own process with <paramref name="arguments"/> split as a shell would.</summary>
    private static (int ExitCode, string Output, string Error) RunTool(string arguments) => ToolProcess.Run(ShellWords.Split(arguments));
}
