using FluentAssertions;
using Katas.Runner.Outcomes;
using Katas.Runner.Protocol;
using static Katas.Runner.Tests.BoardPrinting;

namespace Katas.Runner.Tests;

/// <summary>
/// A failure on the board says what the test's message says, without what NUnit adds about the test's own code: the asserted
/// expression, "Expected: True / But was: False", expected and actual values the message already names, and the stack frames of
/// the test that Assert.Multiple appends.
/// </summary>
public sealed class FailureTextTests
{
    [Test]
    public void The_asserted_expression_and_a_boolean_expectation_are_left_out_and_the_values_stay()
    {
        TestCase test = Case("W_starts_uniform", 1);
        const string message = "W should lie in [0, 0.1]; yours spans [-0.05, 0.05].\n  Assert.That(w.Min() >= 0 && w.Max() <= 0.1, Is.True)\n" +
                               "  Expected: True\n  But was:  False\n";
        string printed = Printed((test, OutcomeKind.Failed, message));

        printed.Should().Contain("W should lie in [0, 0.1]; yours spans [-0.05, 0.05].")
            .And.NotContain("Assert.That(", "the test's own code tells a learner nothing").And.NotContain("But was:  False");
    }

    [Test]
    public void A_comparisons_expected_and_actual_values_stay()
    {
        TestCase test = Case("The_step_is_right", 1);
        const string message = "The step went uphill.\n  Assert.That(gap, Is.LessThan(1E-06))\n  Expected: less than 1E-06\n  But was:  0.23\n";
        string printed = Printed((test, OutcomeKind.Failed, message));

        printed.Should().Contain("Expected: less than 1E-06").And.Contain("But was:  0.23").And.NotContain("Assert.That(");
    }

    [Test]
    public void Expected_and_actual_values_the_sentence_already_names_are_said_once()
    {
        TestCase test = Case("Steps_to_tolerance_is_the_first_step_within_the_tolerance", 3);
        const string message = "momentum: its losses first come within 1E-06 of the minimum at step 6, but StepsToTolerance says 4.\n" +
                               "  Assert.That(result.StepsToTolerance, Is.EqualTo(expected))\n  Expected: 6\n  But was:  4\n";
        string printed = Printed((test, OutcomeKind.Failed, message));

        printed.Should().Contain("at step 6, but StepsToTolerance says 4.")
            .And.NotContain("Expected: 6", "bare, the numbers read as a second failure").And.NotContain("But was:  4");
    }

    [TestCase("Two entrants race: Race.Run returns one result per entrant.", "2", "3", TestName = "Values_the_sentence_does_not_name_stay")]
    [TestCase("After 30 steps the path has 31 points.", "31", "3", TestName = "Values_the_sentence_names_only_inside_other_numbers_stay")]
    public void Expected_and_actual_values_stay_unless_the_sentence_names_both(string sentence, string expected, string actual)
    {
        TestCase test = Case("Every_entrant_starts_at_the_start", 3);
        string message = $"{sentence}\n  Expected: {expected}\n  But was:  {actual}\n";
        string printed = Printed((test, OutcomeKind.Failed, message));

        printed.Should().Contain($"Expected: {expected}").And.Contain($"But was:  {actual}");
    }

    [Test]
    public void Stack_frames_of_the_test_and_of_NUnit_are_left_out_and_the_learners_line_stays()
    {
        TestCase test = Case("W_starts_uniform", 1);
        const string message = "Multiple failures or warnings in test:\n  1)   W should lie in [0, 0.1].\n\n" +
                               "   at Katas.Dense.Tests.Task1LayersTests.<>c__DisplayClass1_0.<W_starts>b__2() in /repo/tests/05-dense/Task1LayersTests.cs:line 44\n" +
                               "   at NUnit.Framework.Assert.Multiple(TestDelegate testDelegate)\n" +
                               "(at Katas.Dense.NaiveDense..ctor(Int32 inputs) in /repo/katas/05-dense/NaiveDense.cs:line 30)\n";
        string printed = Printed((test, OutcomeKind.Failed, message));

        printed.Should().Contain("W should lie in [0, 0.1].").And.Contain("katas/05-dense/NaiveDense.cs:line 30", "the learner's own line is where to look")
            .And.NotContain("Task1LayersTests.cs", "a learner need not open the tests").And.NotContain("NUnit.Framework");
    }
}
