using System.Globalization;
using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Testing.Coaching;

/// <summary>
/// Recognises the usual ways a gradient-descent program goes wrong and says the likely cause in
/// plain words. Each method returns null when it finds nothing wrong.
/// </summary>
public static class Coach
{
    /// <summary>Looks at a run's losses for NaN/infinity and divergence.</summary>
    /// <param name="losses">The loss before each step, in order.</param>
    /// <param name="learningRate">The learning rate(s) as the learner would recognise them, e.g. "2e-05".</param>
    public static Diagnosis? ExamineLosses(IReadOnlyList<double> losses, string learningRate)
    {
        if (losses.Count == 0)
        {
            return null;
        }

        int firstBad = -1;
        for (int i = 0; i < losses.Count; i++)
        {
            if (!double.IsFinite(losses[i]))
            {
                firstBad = i;
                break;
            }
        }

        if (firstBad >= 0)
        {
            string what = double.IsNaN(losses[firstBad]) ? "NaN" : "infinite";
            string before = firstBad > 0 ? $" (it was {F(losses[0])} at iteration 0 and {F(losses[firstBad - 1])} at iteration {firstBad - 1})" : "";
            return new Diagnosis(Symptom.NotFinite,
                $"The loss became {what} at iteration {firstBad}{before}. A loss that grows until it overflows means every step " +
                $"overshoots the minimum: the learning rate ({learningRate}) is too large for this problem. Try a tenth of it, " +
                "or normalise the data so one rate suits every parameter.");
        }

        double first = losses[0];
        double last = losses[^1];
        if (losses.Count >= 4 && last > first && IsGrowingAtTheEnd(losses))
        {
            return new Diagnosis(Symptom.Diverging,
                $"Gradient descent is diverging: the loss grew from {F(first)} at iteration 0 to {F(last)} at iteration {losses.Count - 1}. " +
                $"Each step overshoots the minimum by more than the last, which means the learning rate ({learningRate}) is too large " +
                "for this problem. Try a tenth of it, or normalise the data so one rate suits every parameter.");
        }

        return null;
    }

    /// <summary>Says what it means that <paramref name="parameter"/> has no gradient, or a non-finite one.</summary>
    /// <param name="gradient">The parameter's .grad after backward().</param>
    /// <param name="parameter">The parameter's name, e.g. "slope".</param>
    public static Diagnosis? ExamineGradient(Tensor? gradient, string parameter)
    {
        if (gradient is null || gradient.IsInvalid)
        {
            return new Diagnosis(Symptom.NullGradient,
                $"The {parameter} has no gradient (its .grad is null). Autograd only fills .grad for tensors created with " +
                $"requires_grad: true, and only after loss.backward() has run on a loss computed from them. Check that the {parameter} " +
                "was created with requires_grad: true, that the loss uses it (not a copy), and that backward() is called. " +
                "TorchSharp pitfall: torch.tensor(2.0, dtype: ScalarType.Float32, requires_grad: true) converts AFTER creating the " +
                "tensor, so you get a copy that is not a leaf and never receives .grad; write " +
                "torch.tensor(2.0, dtype: ScalarType.Float32).requires_grad_() instead.");
        }

        using var detached = gradient.detach();
        if (!detached.isfinite().all().item<bool>())
        {
            return new Diagnosis(Symptom.NotFinite,
                $"The gradient of the {parameter} is NaN or infinite. The loss was probably already NaN/infinite: " +
                "look for a learning rate that is too large, or a division by zero.");
        }

        return null;
    }

    /// <summary>The second of two steps moved a parameter by the sum of both steps' gradients.</summary>
    public static Diagnosis GradientsAccumulated(string parameter, double expectedGradient, double usedGradient) =>
        new(Symptom.GradientsAccumulate,
            $"The second step used a gradient of {F(usedGradient)} for the {parameter}, but the gradient at that point is " +
            $"{F(expectedGradient)}: the first step's gradient was still there. backward() ADDS to .grad; reset it after each " +
            "update (grad.zero_(), inside no_grad) or the steps grow larger and larger.");

    /// <summary>A step did not change a parameter.</summary>
    public static Diagnosis ParametersUnchanged(string parameter, double value) =>
        new(Symptom.ParametersUnchanged,
            $"The step left the {parameter} at {F(value)}. Assigning a new tensor to a local variable (p = p - lr * grad) " +
            "does not change the caller's tensor: update it in place (p.sub_(...)) inside using (torch.no_grad()) { ... }.");

    /// <summary>Compares the live tensor count after a short and a long run of the same code.</summary>
    /// <param name="liveAfterShortRun">Tensors alive after the short run.</param>
    /// <param name="liveAfterLongRun">Tensors alive after the long run.</param>
    /// <param name="extraIterations">How many more iterations the long run did.</param>
    public static Diagnosis? ExamineLiveTensors(long liveAfterShortRun, long liveAfterLongRun, int extraIterations)
    {
        long growth = liveAfterLongRun - liveAfterShortRun;
        if (extraIterations <= 0 || growth < extraIterations)
        {
            return null;
        }

        return new Diagnosis(Symptom.LeakedTensors,
            $"Your loop leaks about {(double)growth / extraIterations:0.#} tensors per iteration ({liveAfterShortRun} alive after " +
            $"the short run, {liveAfterLongRun} after {extraIterations} more iterations). Tensors hold native memory that the " +
            "garbage collector frees late or never: open `using var scope = torch.NewDisposeScope();` at the top of each " +
            "iteration so its temporary tensors are disposed when the iteration ends.");
    }

    /// <summary>Explains an exception thrown by learner code, with the likely cause where it is recognisable.</summary>
    public static Diagnosis ExplainException(Exception exception)
    {
        if (exception is NotImplementedException)
        {
            return new Diagnosis(Symptom.NotImplemented, exception.Message);
        }

        string message = exception.Message;
        string? cause = LikelyCause(type => type.IsInstanceOfType(exception), exception.TargetSite?.DeclaringType?.Name, message);
        string said = $"Your code threw {exception.GetType().Name}: {FirstLine(message)}";
        return new Diagnosis(Symptom.Exception, cause is null ? said : $"{said}\nLikely cause: {cause}");
    }

    /// <summary>
    /// The likely cause of an exception no call into learner code caught, as NUnit reports it ("System.InvalidOperationException :
    /// Tensor invalid -- empty handle."): a test or the kit met it in what the learner's code returned (a tensor already disposed,
    /// a shape that does not fit). Null when the message names no exception type or no cause is recognisable.
    /// </summary>
    public static string? LikelyCauseOfUnhandled(string reported)
    {
        ArgumentNullException.ThrowIfNull(reported);
        int separator = reported.IndexOf(" : ", StringComparison.Ordinal);
        if (separator <= 0 || reported[..separator].Contains(' ', StringComparison.Ordinal) || !reported[..separator].EndsWith("Exception", StringComparison.Ordinal))
        {
            return null;
        }

        string typeName = reported[..separator];
        return LikelyCause(type => type.FullName == typeName, thrower: null, reported[(separator + 3)..]);
    }

    /// <param name="isA">Whether the exception is of a type (or, known by its name only, has that type's name).</param>
    /// <param name="thrower">The name of the type whose method threw, when known.</param>
    /// <param name="message">The exception's message.</param>
    private static string? LikelyCause(Func<Type, bool> isA, string? thrower, string message)
    {
        if (isA(typeof(InvalidOperationException)) && thrower == "BatchGenerator")
        {
            // Kata 05: a generator hands out one epoch's batches; running out in Fit means one generator served several epochs.
            return "your BatchGenerator ran out of batches. A generator hands out each batch of one epoch once: if this happened in Fit, " +
                   "one BatchGenerator served every epoch. Make a new BatchGenerator at the start of each epoch.";
        }

        if (Has(message, "leaf Variable that requires grad is being used in an in-place operation"))
        {
            return "a parameter was changed in place while autograd was recording. Do the update inside " +
                   "using (torch.no_grad()) { ... }, so autograd does not try to differentiate the update itself.";
        }

        if (Has(message, "does not require grad and does not have a grad_fn"))
        {
            return "backward() was called on a loss autograd did not record. Create the parameters with requires_grad: true " +
                   "before computing the loss, and don't compute the loss under no_grad.";
        }

        if (Has(message, "backward through the graph a second time"))
        {
            return "backward() ran twice through the same graph. Compute the loss afresh in every step.";
        }

        if (isA(typeof(ObjectDisposedException)) || Has(message, "Tensor invalid") || Has(message, "empty handle"))
        {
            return "a tensor was used after it was disposed (a DisposeScope ended, or `new Parameter(t)` took over t). " +
                   "Keep tensors you need later out of the scope with MoveToOuterDisposeScope(), and create parameters outside scopes. " +
                   "An optimizer's state (kata 04) outlives every scope only through Keep(state, \"name\", tensor), not through state[\"name\"] = tensor.";
        }

        if (Has(message, "expected scalar type") || Has(message, "found dtype") || Has(message, "dtype"))
        {
            return "float32 and float64 tensors were mixed. Create each new tensor with the dtype of the tensors it meets (dtype: x.dtype).";
        }

        // Before the shapes: "start (896) + length (128) exceeds dimension size (1000)" names a size but only one tensor.
        if (Has(message, "exceeds dimension size") || Has(message, "out of bounds for dimension") || Has(message, "out of range"))
        {
            return "an index or a slice reaches past the end of an axis (narrow, an index, or a slice whose start + length is beyond the " +
                   "axis' size). The last piece of an axis may be shorter than the others: end it at Math.Min(start + length, size).";
        }

        if (isA(typeof(ArgumentException)) && Has(message, "shape") && NamesOneShapeOnly(message))
        {
            return "the shapes your own message names are the same. Two shape arrays compared with == or != are compared as references " +
                   "(two different arrays always differ): compare their values, a.shape.SequenceEqual(b.shape).";
        }

        if (Has(message, "size of tensor") || Has(message, "shape") || Has(message, "size mismatch") || Has(message, "must match the size"))
        {
            return "two tensors' shapes don't fit together. Print .shape of each operand; scalars should have shape [].";
        }

        if (isA(typeof(NullReferenceException)))
        {
            return "something was null, most often a tensor's .grad. It stays null until backward() has run on a loss computed from " +
                   "the tensor, and it stays null on a tensor that is not the one autograd saw: one made by `p -= ...` or `p = p - ...` " +
                   "(a new tensor: update in place with p.sub_(...) inside no_grad), or one made by torch.tensor(value, dtype, " +
                   "requires_grad: true) with a dtype conversion (a copy of the tensor that requires grad; write " +
                   "torch.tensor(value, dtype: ...).requires_grad_() instead).";
        }

        if (isA(typeof(ExternalException)))
        {
            return "libtorch rejected an operation; its message above says which.";
        }

        return null;
    }

    /// <summary>Whether a message names two or more shapes ("[4, 3, 4, 4]") and they are all the same.</summary>
    private static bool NamesOneShapeOnly(string message)
    {
        string[] shapes = [.. System.Text.RegularExpressions.Regex.Matches(message, @"\[\d+(, \d+)*\]").Select(match => match.Value)];
        return shapes.Length >= 2 && shapes.Distinct(StringComparer.Ordinal).Count() == 1;
    }

    private static bool IsGrowingAtTheEnd(IReadOnlyList<double> losses)
    {
        for (int i = losses.Count - 3; i < losses.Count; i++)
        {
            if (losses[i] <= losses[i - 1])
            {
                return false;
            }
        }

        return true;
    }

    private static bool Has(string text, string part) => text.Contains(part, StringComparison.OrdinalIgnoreCase);

    private static string FirstLine(string text)
    {
        int end = text.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? text : text[..end].TrimEnd();
    }

    private static string F(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
