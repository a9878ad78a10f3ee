using FluentAssertions;
using Katas.Runner.Outcomes;
using Katas.Runner.Protocol;
using Katas.Testing;
using Katas.Worker.Running;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Builders;
using static Katas.Runner.Tests.BoardPrinting;

namespace Katas.Runner.Tests;

/// <summary>
/// Tests marked [LongTest] (several seconds each): discovered as long with their reason, run after every quick test of
/// the kata (right after their own task's quick tests when that task's file changed), shared by two workers, and shown
/// on the board first as a "so far" row of their task, then as the task's full row.
/// </summary>
[Parallelizable(ParallelScope.Self)]
public sealed class LongTestTests
{
    [Test]
    public void A_long_test_is_discovered_with_its_reason_and_a_quick_one_without()
    {
        TestSuite fixture = new DefaultSuiteBuilder().BuildFrom(new TypeWrapper(typeof(SampleFixture)));

        IReadOnlyList<DiscoveredTest> found = TestDiscovery.Cases(fixture);

        found.Select(test => (test.Case.Name, test.Case.Task, test.Case.LongBecause)).Should().BeEquivalentTo(new (string, int, string?)[]
        {
            ("Quick", 2, null),
            ("Long(1)", 2, "an attack on 200 pictures"),
            ("Long(2)", 2, "an attack on 200 pictures"),
        });
    }

    [Test]
    public void The_requested_tasks_long_tests_run_right_after_its_quick_ones_the_others_after_every_quick_test()
    {
        DiscoveredTest[] tests =
        [
            Discovered("quick1", 1), Discovered("long2", 2, "why"), Discovered("quick2", 2), Discovered("quick3", 3), Discovered("long1", 1, "why"),
        ];
        var request = new RunRequest("source", "katas", TaskOrder: [2], Skip: []);

        var phases = TestSession.Phases(request, tests).Select(phase => string.Join(",", phase.Select(test => test.Id))).ToList();

        phases.Should().Equal("quick2", "long2", "quick1", "quick3", "long1");
    }

    [Test]
    public void Two_workers_sharing_the_long_tests_run_each_once_and_only_the_main_one_runs_the_quick_tests()
    {
        DiscoveredTest[] tests =
        [
            Discovered("quick1", 1), Discovered("long2", 2, "why"), Discovered("quick2", 2), Discovered("long1", 1, "why"), Discovered("long3", 3, "why"),
        ];
        var main = new RunRequest("source", "katas", TaskOrder: [2], Skip: [], LongShare: new LongTestShare(0, 2, QuickTests: true));
        RunRequest lane = main with { LongShare = new LongTestShare(1, 2, QuickTests: false) };

        // Long tests in discovery order: long2 (0), long1 (1), long3 (2); the main worker takes 0 and 2, the lane 1.
        Ids(TestSession.Phases(main, tests)).Should().Equal("quick2", "long2", "quick1", "long3");
        Ids(TestSession.Phases(lane, tests)).Should().Equal("long1");
    }

    [Test]
    public void A_skipped_or_reordered_long_test_moves_no_other_long_test_to_the_other_worker()
    {
        DiscoveredTest[] tests = [Discovered("long2", 2, "why"), Discovered("quick2", 2), Discovered("long1", 1, "why"), Discovered("long3", 3, "why")];
        // A fresh main worker after a crash: long2 has its outcome, and the crashed task 2 goes last.
        var main = new RunRequest("source", "katas", TaskOrder: [1, 3, 2], Skip: ["Tests.long2"], LongShare: new LongTestShare(0, 2, QuickTests: true));

        Ids(TestSession.Phases(main, tests)).Should().Equal("quick2", "long3");
    }

    [Test]
    public void The_board_shows_a_task_so_far_when_its_quick_tests_end_and_in_full_when_its_long_tests_have_run()
    {
        TestCase quick = Case("Quick_one", 2), quickFailing = Case("Quick_two", 2), longOne = Case("Long_one", 2, "an attack on 200 pictures");
        string printed = Printed(
            (quick, OutcomeKind.Passed, ""),
            (quickFailing, OutcomeKind.Failed, "Expected 4 counts, got 8."),
            (longOne, OutcomeKind.Passed, ""));

        string[] lines = printed.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("task 2   so far failed 1 of 2; 1 long test(s) still to run (an attack on 200 pictures)");
        lines[1].Should().Be("Quick_two:");
        lines[2].Should().Be("Expected 4 counts, got 8.");
        lines[3].Should().Be("task 2   failed 1 of 3", "the full row comes when the long test has run");
        lines[4].Should().Be("Quick_two: as shown above.", "the full row names the failure it does not repeat, so it reads on its own");
        printed.Split("Expected 4 counts").Should().HaveCount(2, "the failure the 'so far' row showed is not shown again");
    }

    [Test]
    public void A_task_without_long_tests_gets_one_row()
    {
        TestCase first = Case("One", 1), second = Case("Two", 1);
        string printed = Printed(
            (first, OutcomeKind.Passed, ""),
            (second, OutcomeKind.Passed, ""));

        printed.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)[0].Should().Be("task 1   passed (2)");
        printed.Should().NotContain("so far");
    }

    private static List<string> Ids(IEnumerable<IReadOnlyList<DiscoveredTest>> phases) => [.. phases.SelectMany(phase => phase.Select(test => test.Id))];

    private static DiscoveredTest Discovered(string id, int task, string? longBecause = null) => new(id, Case(id, task, longBecause));

    /// <summary>A fixture for discovery only: NUnit builds it here; explicit, so no run of this assembly executes it.</summary>
    [Explicit("a sample fixture that TestDiscovery reads")]
    [Category("kata07-task2")]
    public sealed class SampleFixture
    {
        [Test]
        public void Quick() => Assert.Pass();

        [TestCase(1)]
        [TestCase(2)]
        [LongTest("an attack on 200 pictures")]
        public void Long(int which) => Assert.That(which, Is.Positive);
    }
}
