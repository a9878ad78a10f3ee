using System.Runtime.InteropServices;
using FluentAssertions;
using Katas.Testing.Coaching;
using TorchSharp;

namespace Katas.Support.Tests;

public sealed class CoachTests
{
    [Test]
    public void A_NaN_loss_is_blamed_on_the_learning_rate_it_names()
    {
        Diagnosis? diagnosis = Coach.ExamineLosses([100, 400, 9e30, double.NaN], "0.5");
        diagnosis!.Symptom.Should().Be(Symptom.NotFinite);
        diagnosis.Message.Should().Contain("NaN at iteration 3").And.Contain("learning rate (0.5) is too large");
    }

    [Test]
    public void A_growing_loss_is_reported_as_divergence()
    {
        Diagnosis? diagnosis = Coach.ExamineLosses([100, 150, 300, 700, 2000], "0.01");
        diagnosis!.Symptom.Should().Be(Symptom.Diverging);
        diagnosis.Message.Should().Contain("grew from 100").And.Contain("(0.01)");
    }

    [Test]
    public void A_falling_or_briefly_bumpy_loss_is_fine()
    {
        Coach.ExamineLosses([100, 50, 25, 12], "0.1").Should().BeNull();
        Coach.ExamineLosses([100, 120, 80, 60, 40], "0.1").Should().BeNull();
        Coach.ExamineLosses([], "0.1").Should().BeNull();
    }

    [Test]
    public void A_null_gradient_points_at_requires_grad_and_backward()
    {
        Diagnosis? diagnosis = Coach.ExamineGradient(null, "slope");
        diagnosis!.Symptom.Should().Be(Symptom.NullGradient);
        diagnosis.Message.Should().Contain("requires_grad: true").And.Contain("backward()");
    }

    [Test]
    public void A_finite_gradient_is_fine_and_a_NaN_one_is_not()
    {
        TorchRuntime.Initialise();
        Coach.ExamineGradient(torch.tensor(1.5), "slope").Should().BeNull();
        Coach.ExamineGradient(torch.tensor(double.NaN), "slope")!.Symptom.Should().Be(Symptom.NotFinite);
    }

    [Test]
    public void An_exception_no_learner_call_caught_gets_its_likely_cause_from_NUnits_words()
    {
        Coach.LikelyCauseOfUnhandled("System.InvalidOperationException : Tensor invalid -- empty handle.").Should().Contain("used after it was disposed");
        Coach.LikelyCauseOfUnhandled("System.NullReferenceException : Object reference not set to an instance of an object.").Should().Contain(".grad");
        Coach.LikelyCauseOfUnhandled("System.ArgumentException : something the coach does not know").Should().BeNull();
        Coach.LikelyCauseOfUnhandled("Expected: 3 But was: 4 : not an exception").Should().BeNull("an assertion's message names no exception type");
    }

    [Test]
    public void A_live_tensor_count_that_grows_with_the_iterations_is_a_leak()
    {
        Coach.ExamineLiveTensors(10, 10, 40).Should().BeNull();
        Diagnosis? leak = Coach.ExamineLiveTensors(50, 450, 40);
        leak!.Symptom.Should().Be(Symptom.LeakedTensors);
        leak.Message.Should().Contain("about 10 tensors per iteration").And.Contain("NewDisposeScope");
    }

    [Test]
    public void Libtorchs_own_errors_are_explained()
    {
        Coach.ExplainException(new ExternalException("a leaf Variable that requires grad is being used in an in-place operation."))
            .Message.Should().Contain("no_grad");
        Coach.ExplainException(new ExternalException("element 0 of tensors does not require grad and does not have a grad_fn"))
            .Message.Should().Contain("requires_grad: true");
        Coach.ExplainException(new NullReferenceException()).Message.Should().Contain(".grad");
        Coach.ExplainException(new ExternalException("start (896) + length (128) exceeds dimension size (1000)."))
            .Message.Should().Contain("past the end of an axis").And.NotContain("shapes don't fit", "a slice past the end involves one tensor");
        Coach.ExplainException(new ExternalException("index 10 is out of bounds for dimension 0 with size 10"))
            .Message.Should().Contain("past the end of an axis");
        Coach.ExplainException(new NotImplementedException("Kata 01, task 1 is not implemented yet")).Should()
            .Be(new Diagnosis(Symptom.NotImplemented, "Kata 01, task 1 is not implemented yet"));
    }

    [Test]
    public void A_real_in_place_update_without_no_grad_is_explained()
    {
        TorchRuntime.Initialise();
        var parameter = torch.tensor(1.0, requires_grad: true);
        Exception? thrown = null;
        try
        {
            parameter.sub_(0.1);
        }
        catch (Exception e) when (e is ExternalException or InvalidOperationException or ArgumentException)
        {
            thrown = e;
        }

        thrown.Should().NotBeNull("libtorch refuses in-place changes of leaf tensors that require grad");
        Coach.ExplainException(thrown!).Message.Should().Contain("using (torch.no_grad())");
    }
}
