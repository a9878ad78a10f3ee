using FluentAssertions;
using Katas.Cli.Running;
using Katas.Runner.Outcomes;
using Katas.Runner.Protocol;
using Katas.Runner.Supervision;

namespace Katas.Runner.Tests;

/// <summary>
/// The test worker and its supervisor, as processes, on kata 01: what a run reports and in which order, the compile-error
/// path, and that a crash, a stack overflow, Environment.Exit or an endless loop costs one worker and one test, never the
/// run. No timing is asserted: the learner-loop benchmark (./kata bench loop) measures speed.
/// </summary>
[NonParallelizable]
public sealed class WarmRunnerTests
{
    private readonly KataCopies _copies = new();

    /// <summary>
    /// One warm runner for the tests that cost no worker, one run after another as `watch` uses it (a worker serves many
    /// runs); the tests of crashes and of the endless loop start their own.
    /// </summary>
    private WarmRunner? _shared;

    private WarmRunner Shared => _shared ??= new WarmRunner(Start, keepStandby: false);

    private static WorkerStart Start
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

    [TestCase("native-crash", "mat1 and mat2 shapes cannot be multiplied")]
    [TestCase("stack-overflow-lambda", "stack overflow in Katas.Linreg.Loss")]
    public void A_crash_costs_one_worker_and_becomes_a_crashed_test_with_its_cause_and_every_test_still_gets_an_outcome(string broken, string cause)
    {
        using var runner = new WarmRunner(Start, keepStandby: false);
        var observer = new RecordingObserver();
        int? first = runner.CurrentProcessId;

        KataRunResult result = runner.Run(Request(_copies.Broken(broken)) with { OnlyTasks = [1, 2] }, observer);

        TestOutcome crashed = result.Outcomes.First(outcome => outcome.Crashed);
        crashed.Message.Should().Contain(cause);
        observer.Replacements.Should().NotBeEmpty();
        result.Outcomes.Select(outcome => outcome.FullName).Should().BeEquivalentTo(
            observer.Tests.Where(test => test.Task is 1 or 2).Select(test => test.FullName), "crashed, failed or not run, every test keeps its place");
        runner.CurrentProcessId.Should().NotBe(first);

        KataRunResult fixedRun = runner.Run(Request(_copies.Reference()) with { OnlyTasks = [1] }, new RecordingObserver());
        fixedRun.Outcomes.Should().NotBeEmpty().And.OnlyContain(outcome => outcome.Passed, "the next run is not poisoned by the crash");
    }

    [Test]
    public void An_endless_loop_fails_at_its_limit_naming_its_line_and_the_next_run_is_not_poisoned()
    {
        using var runner = new WarmRunner(Start, keepStandby: true);
        string source = _copies.Broken("endless-loop-with-warning");
        int loopLine = LineOf(source, "GradientDescent.cs", "i += 0");

        KataRunResult result = runner.Run(Request(source) with { OnlyTasks = [4], TimeLimitSeconds = 2 }, new RecordingObserver());

        TestOutcome hung = result.Outcomes.Should().ContainSingle(outcome => outcome.Failure == FailureKind.TimeLimit).Subject;
        hung.Message.Should().Contain($"GradientDescent.Run (GradientDescent.cs, line {loopLine})");
        result.Outcomes.Where(outcome => outcome.Kind == OutcomeKind.NotRun).Should()
            .OnlyContain(outcome => outcome.Message.Contains("ran past its time limit", StringComparison.Ordinal));

        KataRunResult fixedRun = runner.Run(Request(_copies.Reference()) with { OnlyTasks = [4] }, new RecordingObserver());
        fixedRun.Outcomes.Should().NotBeEmpty().And.OnlyContain(outcome => outcome.Passed, "a fresh worker runs the next save");
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

    private RunRequest Request(string source) => new(source, Path.GetDirectoryName(source)!, [], []);

    private static int LineOf(string source, string file, string text) =>
        Array.FindIndex(File.ReadAllLines(Path.Combine(source, file)), line => line.Contains(text, StringComparison.Ordinal)) + 1;
}
