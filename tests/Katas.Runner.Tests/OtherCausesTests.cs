using FluentAssertions;
using Katas.Runner.Outcomes;
using Katas.Runner.Protocol;
using static Katas.Runner.Tests.BoardPrinting;

namespace Katas.Runner.Tests;

/// <summary>
/// A task's row shows its most telling failure, which may be a consequence (no optimizer wins the race) of a cause another
/// test names exactly (when a run counts as arrived): the board names the tests that fail for each other cause too.
/// </summary>
public sealed class OtherCausesTests
{
    [Test]
    public void The_row_names_one_test_for_each_other_cause_after_the_failure_it_shows()
    {
        TestCase consequence = Case("Momentum_beats_plain_SGD", 3), precise = Case("Steps_to_tolerance_is_the_first_step", 3),
            sameCause = Case("Steps_to_tolerance_counts_from_the_minimum", 3), unwritten = Case("Rolling_ball", 3),
            notRun = Case("The_race_draws_paths", 3), passing = Case("Each_path_starts_at_the_start", 3),
            figure = Case("The_race_in_the_bowl_draws_its_figure", 3), sameMethod = new TestCase("Tests.Momentum_beats_plain_SGD(0.5)", "Tests",
                "Momentum_beats_plain_SGD(0.5)", 3);
        string printed = Printed(board =>
        {
            board.Discovered([consequence, precise, sameCause, unwritten, notRun, passing, figure, sameMethod]);
            board.Finished(Outcome(consequence, OutcomeKind.Failed, "Momentum should arrive sooner than plain SGD (steps: sgd 500, momentum 500)."));
            board.Finished(Outcome(precise, OutcomeKind.Failed, "The run first came within 0.001 at step 12, but StepsToTolerance says 480."));
            board.Finished(Outcome(sameCause, OutcomeKind.Failed, "The run first came within 0.001 at step 31, but StepsToTolerance says 499."));
            board.Finished(Outcome(unwritten, OutcomeKind.Failed, "Kata 04, task 3 (Rolling.Run) is not implemented yet: see the README."));
            board.Finished(Outcome(notRun, OutcomeKind.NotRun, "Not run: an earlier call is still running."));
            board.Finished(Outcome(figure, OutcomeKind.Failed, "The plot data for the race in the bowl differs from the verified snapshot."));
            board.Finished(Outcome(sameMethod, OutcomeKind.Failed, "With momentum 0.5 it should arrive sooner than plain SGD, but never arrived."));
            board.Finished(Outcome(passing, OutcomeKind.Passed, ""));
        });

        string[] lines = Lines(printed);
        lines[0].Should().Be("task 3   failed 6 of 8, 1 not run, 4 different causes", "a test that did not run has no cause of its own");
        lines[1].Should().Be("Momentum_beats_plain_SGD:", "the first specific failure in run order is still the one shown");
        lines[3].Should().Be("Also failing, for other causes: Steps_to_tolerance_is_the_first_step.",
            "one test per other cause; not a test that did not run, a figure, or the shown test's own method");
        lines[4].Should().Be("Also not implemented yet: Rolling.Run.", "a stub still to write is work left, named by its method, apart from the bugs");
        lines[5].Should().Be("Also a figure differs from the reference: The_race_in_the_bowl_draws_its_figure.",
            "the row counts the figure as a cause, so it is named, apart: a figure says that the plot differs, not why");
    }

    [Test]
    public void A_task_of_unwritten_stubs_names_the_methods_left_to_write_not_causes()
    {
        TestCase first = Case("A_batch_is_a_slice", 1), second = Case("A_batch_past_the_end_is_an_error", 1), third = Case("A_timeseries_keeps_its_order", 1),
            fourth = Case("Scaled_images_are_float32", 1), written = Case("Flattened_images_keep_every_pixel", 1);
        string printed = Printed(
            (first, OutcomeKind.Failed, "Kata 00, task 1 (DataTensors.Batch) is not implemented yet: see katas/00-tensors/README.md, task 1."),
            (second, OutcomeKind.Failed, "Kata 00, task 1 (DataTensors.Batch) is not implemented yet: see katas/00-tensors/README.md, task 1."),
            (third, OutcomeKind.Failed, "Kata 00, task 1 (DataTensors.Timeseries) is not implemented yet: see katas/00-tensors/README.md, task 1."),
            (fourth, OutcomeKind.Failed, "Kata 00, task 1 (DataTensors.Scale) is not implemented yet: see katas/00-tensors/README.md, task 1."),
            (written, OutcomeKind.Passed, ""));

        string[] lines = Lines(printed);
        lines[0].Should().Be("task 1   failed 4 of 5, 3 methods not implemented yet", "three stubs left to write are work left, not three bugs");
        lines[1].Should().Be("A_batch_is_a_slice:");
        lines.Should().Contain("Also not implemented yet: DataTensors.Timeseries, DataTensors.Scale.");
        printed.Should().NotContain("Also failing", "no test fails for a reason of its own");
    }

    [Test]
    public void A_real_failure_beside_unwritten_stubs_is_shown_first_and_the_stubs_are_named_after_it()
    {
        TestCase wrong = Case("Relu_zeroes_negative_values", 2), unwritten = Case("Broadcast_shapes_line_up_at_the_last_axis", 2);
        string printed = Printed(
            (unwritten, OutcomeKind.Failed, "Kata 00, task 2 (ElementWise.BroadcastShape) is not implemented yet: see katas/00-tensors/README.md, task 2."),
            (wrong, OutcomeKind.Failed, "Relu(-1) should be 0; your code gave -1."));

        string[] lines = Lines(printed);
        lines[0].Should().Be("task 2   failed 2 of 2, 2 different causes", "a bug and a stub are two causes");
        lines[1].Should().Be("Relu_zeroes_negative_values:", "a real failure before a stub not written yet");
        lines.Should().Contain("Also not implemented yet: ElementWise.BroadcastShape.");
        printed.Should().NotContain("Also failing");
    }

    [Test]
    public void A_task_with_one_cause_names_no_other_test()
    {
        TestCase first = Case("Create_makes_the_optimizer", 1), second = Case("Create_keeps_every_hyperparameter", 1);
        string printed = Printed(
            (first, OutcomeKind.Failed, "Create(Adam) does not behave like TorchSharp's Adam after step 2."),
            (second, OutcomeKind.Failed, "Create(Adam) does not behave like TorchSharp's Adam after step 3."));

        printed.Should().NotContain("Also failing", "both failures have one cause (their messages differ only in numbers)");
    }

    [Test]
    public void A_test_named_with_type_names_is_shown_without_them()
    {
        var withDelegate = new TestCase("Tests.Create_makes_TorchSharps_optimizer(Sgd,System.Func`2[Parameter,Optimizer])", "Tests",
            "Create_makes_TorchSharps_optimizer(Sgd,System.Func`2[Parameter,Optimizer])", 1, null);
        var withValue = new TestCase("Tests.The_first_RMSprop_step(0.9)", "Tests", "The_first_RMSprop_step(0.9)", 1, null);
        string printed = Printed(
            (withDelegate, OutcomeKind.Failed, "Create(SGD) does not behave like TorchSharp's SGD."),
            (withValue, OutcomeKind.Failed, "With decay 0.9 the first step should move the slope by 0.3162."));

        Lines(printed)[1].Should().Be("Create_makes_TorchSharps_optimizer:", "System.Func`2[...] tells a learner nothing");
        printed.Should().Contain("Also failing, for other causes: The_first_RMSprop_step.");
    }

    [Test]
    public void The_failing_cases_of_one_test_method_count_as_one_cause()
    {
        // Cases named by their TestName carry no method in their names: the worker tells the method.
        TestCase sgd = Named("Your optimizer matches TorchSharp's step for step: momentum 0.7"),
            nesterov = Named("Your optimizer matches TorchSharp's step for step: Nesterov 0.8"),
            decay = Named("Your optimizer matches TorchSharp's step for step: Nesterov 0.8, weight decay 0.05");
        string printed = Printed(
            (sgd, OutcomeKind.Passed, ""),
            (nesterov, OutcomeKind.Failed, "Nesterov is asked for but your steps are heavy-ball momentum."),
            (decay, OutcomeKind.Failed, "With weight decay, Nesterov is asked for but your steps are heavy-ball momentum."));

        Lines(printed)[0].Should().Be("task 2   failed 2 of 3", "one ignored nesterov flag fails both cases that set it: one cause, not two");
        printed.Should().NotContain("Also failing", "the other failing case is the same test method");
    }

    [Test]
    public void Another_methods_failing_cases_are_named_once_as_one_cause()
    {
        TestCase shown = Case("Create_makes_the_optimizer", 2), first = Named("Steps match for momentum 0.7"), second = Named("Steps match for Nesterov 0.8");
        string printed = Printed(
            (shown, OutcomeKind.Failed, "Create(Adam) does not behave like TorchSharp's Adam."),
            (first, OutcomeKind.Failed, "The first step agreed but a later one does not."),
            (second, OutcomeKind.Failed, "Nesterov is asked for but your steps are heavy-ball momentum."));

        string[] lines = Lines(printed);
        lines[0].Should().Be("task 2   failed 3 of 3, 2 different causes");
        lines.Where(line => line.StartsWith("Also failing", StringComparison.Ordinal)).Should().Equal(["Also failing, for other causes: Steps match for momentum 0.7."],
            "the two failing cases of one method are one cause, as the row counts them, so one of them is named");
    }

    private static TestCase Named(string name) => new("Tests." + name, "Tests", name, 2) { Method = "Steps_match_TorchSharps" };
}
