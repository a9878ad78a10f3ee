using FluentAssertions;
using Katas.Testing;
using NUnit.Framework.Internal;

namespace Katas.Support.Tests;

/// <summary>What a test may add to the explanation of an exception thrown by learner code.</summary>
public sealed class LearnerCodeTests
{
    private const string Hint = "The same call without the cut ran, so the cut is what breaks it.";

    [Test]
    public void What_the_test_knows_about_the_call_follows_the_explanation_of_its_exception()
    {
        string message = FailureOf(() => LearnerCode.Run<int>(
            () => throw new InvalidOperationException("output with shape [1, 10, 3] doesn't match the broadcast shape [2, 10, 3]"),
            "Tammes.Solve", ifItThrows: Hint));

        message.Should().Contain("Your code threw InvalidOperationException: output with shape [1, 10, 3]")
            .And.Contain(Hint, "the test's hint names the cause the exception's own message cannot");
    }

    [Test]
    public void A_stub_that_is_not_written_yet_gets_no_hint()
    {
        string message = FailureOf(() => LearnerCode.Run<int>(
            () => throw new NotImplementedException("Kata 02, task 4 (Tammes.Solve) is not implemented yet."), "Tammes.Solve", ifItThrows: Hint));

        message.Should().Contain("is not implemented yet").And.NotContain(Hint, "a hint about the cut would mislead before the task is written");
    }

    /// <summary>The message a call fails the test with, recorded in a result of its own so that this test does not fail.</summary>
    private static string FailureOf(Action call)
    {
        using (new TestExecutionContext.IsolatedContext())
        {
            try
            {
                call();
            }
            catch (AssertionException failure)
            {
                return failure.Message;
            }
        }

        throw new AssertionException("The call was expected to fail the test, and it did not.");
    }
}
