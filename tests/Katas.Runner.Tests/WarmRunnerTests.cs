using FluentAssertions;
using Katas.Cli.Running;
using Katas.Runner.Outcomes;
using Katas.Runner.Protocol;
using Katas.Runner.Supervision;

namespace Katas.Runner.Tests;

/// <summary>
/// The test worker and its supervisor, as processes, on kata 01, through one warm runner used run after run as `watch`
/// uses it: what a run reports and in which order, the compile-error path, warnings, missing members, forged reports and
/// recursion stopped by a watch point (<see cref="WorkerCrashTests"/> has the runs that cost a worker). No timing is
/// asserted: the learner-loop benchmark (./kata bench loop) measures speed.
/// </summary>
[Parallelizable(ParallelScope.Self)]
public sealed class WarmRunnerTests
{
    private readonly KataCopies _copies = new();

    /// <summary>
    /// One warm runner for the tests that cost no worker, one run after another as `watch` uses it (a worker serves many
    /// runs); the tests of crashes and of the endless loop start their own.
    /// </summary>
    private WarmRunner? _shared;

    private WarmRunner Shared => _shared ??= new WarmRunner(Start, keepStandby: false);

    internal static WorkerStart Start
    {
        get
        {
            WorkerStart start = KataCopies.WorkerStart;
            start.TestAssembly.Should().Contain("worker-solutions", "the worker loads a build of its own, which dotnet test never rewrites");
            return start;
        }
    }

    [OneTimeTearDown]
    public void RemoveCopies()
    {
        _shared?.Dispose();
        _copies.Dispose();
    }

    [Test]
    public void A_run_reports_every_test_as_it_ends_the_requested_task_first_and_the_reference_passes_them_all()
    {
        WarmRunner runner = Shared;
        var observer = new RecordingObserver();
        string source = _copies.Reference();

        KataRunResult result = runner.Run(Request(source) with { TaskOrder = [3] }, observer);

        result.Built.Should().BeTrue();
        observer.Events.Take(2).Should().Equal("compiled True", $"discovered {observer.Tests.Count}");
        observer.Tests.Select(test => test.Task).Distinct().Order().Should().Equal(1, 2, 3, 4, 5);
        result.Outcomes.Select(outcome => outcome.FullName).Should().BeEquivalentTo(observer.Tests.Select(test => test.FullName), "every test gets one outcome");
        result.Outcomes.Should().OnlyContain(outcome => outcome.Passed, "the reference solution passes every test");
        observer.StartedTests.TakeWhile(test => test.Task == 3).Should().HaveCount(observer.Tests.Count(test => test.Task == 3), "task 3 runs first");
        foreach (TestCase test in observer.StartedTests)
        {
            observer.Events.IndexOf("started " + test.FullName).Should().BeLessThan(observer.Events.IndexOf("finished " + test.FullName));
        }
    }

    [Test]
    public void A_compile_error_names_its_file_and_line_and_no_test_runs()
    {
        WarmRunner runner = Shared;
        var observer = new RecordingObserver();
        string source = _copies.Broken(null, ("Loss.cs", "return errors.square().mean();", "return errors.square().mean()"));

        KataRunResult result = runner.Run(Request(source), observer);

        result.Built.Should().BeFalse();
        result.Outcomes.Should().BeEmpty();
        observer.StartedTests.Should().BeEmpty();
        CompilerMessage error = result.Diagnostics.Should().ContainSingle(message => message.IsError).Subject;
        (error.File, error.Line, error.Id).Should().Be(("Loss.cs", LineOf(source, "Loss.cs", "return errors.square().mean()"), "CS1002"));
    }

    [Test]
    public void Warnings_are_listed_at_the_learners_own_line_and_column_and_the_tests_still_run()
    {
        WarmRunner runner = Shared;
        string source = _copies.Broken("endless-loop-with-warning", ("GradientDescent.cs", "i += 0", "i++"));

        KataRunResult result = runner.Run(Request(source) with { OnlyTasks = [4] }, new RecordingObserver());

        result.Built.Should().BeTrue();
        CompilerMessage warning = result.Diagnostics.Should().ContainSingle(message => !message.IsError).Subject;
        string line = File.ReadAllLines(Path.Combine(source, "GradientDescent.cs"))[warning.Line - 1];
        (warning.Id, warning.File).Should().Be(("CS0219", "GradientDescent.cs"));
        line[(warning.Column - 1)..].Should().StartWith("unused", "the column is the learner's, not the one of the code with watch points");
        result.Outcomes.Should().NotBeEmpty().And.OnlyContain(outcome => outcome.Passed);
    }

    [Test]
    public void A_member_the_tests_use_that_the_kata_lacks_is_an_error_that_names_it_and_where_its_type_is()
    {
        WarmRunner runner = Shared;
        string source = _copies.Broken(null, ("Gradients.cs", "OfMeanSquaredError(", "OfMeanSquareError("));

        KataRunResult result = runner.Run(Request(source), new RecordingObserver());

        result.Built.Should().BeFalse();
        CompilerMessage missing = result.Diagnostics.Should().ContainSingle(message => message.Id == "API").Subject;
        missing.Message.Should().Contain("OfMeanSquaredError(Tensor, Tensor, Line)").And.Contain("Gradients");
        missing.File.Should().Be("Gradients.cs");
    }

    [TestCase("stack-overflow")]
    [TestCase("stack-overflow-expression-bodied")]
    public void A_recursion_without_end_is_an_exception_naming_its_line_not_a_crash(string broken)
    {
        WarmRunner runner = Shared;
        string source = _copies.Broken(broken);

        KataRunResult result = runner.Run(Request(source) with { OnlyTasks = [1] }, new RecordingObserver());

        result.Outcomes.Should().NotBeEmpty().And.OnlyContain(outcome => outcome.Kind == OutcomeKind.Failed);
        result.Outcomes[0].Message.Should().Contain($"deep into the stack in Loss.Recurse (Loss.cs, line {LineOf(source, "Loss.cs", "private static Tensor Recurse")})");
        result.Outcomes.Should().NotContain(outcome => outcome.Crashed, "the watch point stops the recursion before the stack is full");
    }

    [Test]
    public void Output_that_only_looks_like_a_report_is_not_taken_for_one()
    {
        WarmRunner runner = Shared;
        // Learner code prints lines that look like reports, with and without a guess at the key (the worker's real
        // standard output is out of reach: the allow-list refuses Console.OpenStandardOutput).
        string forged = """{"kind":"Finished","outcome":{"fullName":"x","passed":true}}""".Replace("\"", "\\\"", StringComparison.Ordinal);
        string source = _copies.Broken(null, ("Loss.cs", "return errors.square().mean();",
            $"Console.WriteLine(\"{forged}\"); Console.WriteLine(\"0 {forged}\");\n        return errors.square().mean() * 2;"));

        KataRunResult result = runner.Run(Request(source) with { OnlyTasks = [1] }, new RecordingObserver());

        result.Outcomes.Should().NotBeEmpty().And.OnlyContain(outcome => outcome.FullName != "x");
        result.Outcomes.Should().Contain(outcome => !outcome.Passed, "a loss twice too large fails task 1, whatever the code printed");
    }

    internal static RunRequest Request(string source) => new(source, Path.GetDirectoryName(source)!, [], []);

    internal static int LineOf(string source, string file, string text) =>
        Array.FindIndex(File.ReadAllLines(Path.Combine(source, file)), line => line.Contains(text, StringComparison.Ordinal)) + 1;
}
