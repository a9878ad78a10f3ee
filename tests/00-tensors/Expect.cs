using Katas.Testing;

namespace Katas.Tensors.Tests;

/// <summary>Calls into learner code that must reject its input with an ArgumentException.</summary>
internal static class Expect
{
    /// <summary>
    /// Runs <paramref name="code"/> (through <see cref="LearnerCode.Run{T}"/>) and returns the ArgumentException it
    /// throws; fails with an explanation when it returns normally or throws something else.
    /// </summary>
    public static ArgumentException ArgumentException(Action code, string what, string situation)
    {
        Exception? thrown = LearnerCode.Run<Exception?>(() =>
        {
            try
            {
                code();
                return null;
            }
            catch (NotImplementedException)
            {
                throw;
            }
#pragma warning disable CA1031 // Whatever the learner's code throws is examined below.
            catch (Exception e)
#pragma warning restore CA1031
            {
                return e;
            }
        }, what);
        if (thrown is null)
        {
            Assert.Fail($"{what} should throw an ArgumentException when {situation}, but it returned normally. " +
                        "Check the input first and throw new ArgumentException(\"...\") with a message that names what is wrong.");
        }

        if (thrown is not System.ArgumentException argument)
        {
            Assert.Fail($"{what} should throw an ArgumentException when {situation}, but it threw {thrown!.GetType().Name}: {thrown.Message}\n" +
                        "Likely cause: the input went on to a tensor operation, which failed deep inside libtorch with a message about " +
                        "its own internals. Check the input yourself first and throw an ArgumentException that names what is wrong.");
        }

        return (System.ArgumentException)thrown;
    }
}
