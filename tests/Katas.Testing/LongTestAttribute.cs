using Katas.Conventions;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace Katas.Testing;

/// <summary>
/// Marks a test that takes several seconds on a 2-core machine (the category "long"): `check` and `watch` run it after
/// its task's quick tests (after every quick test of the kata, unless its task's file was just saved), half of a run's
/// long tests in a second worker, so a task's row appears within a second or two with its quick tests and again,
/// complete, when its long tests have run. `dotnet test` runs it like any other test; nothing is skipped.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class LongTestAttribute : NUnitAttribute, IApplyToTest
{
    /// <summary>Marks the test, saying what makes it long (shown on the board while it runs).</summary>
    public LongTestAttribute(string why)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(why);
        Why = why;
    }

    /// <summary>What makes the test long, e.g. "the attack on 200 held-out pictures".</summary>
    public string Why { get; }

    /// <inheritdoc />
    public void ApplyToTest(Test test)
    {
        test.Properties.Add(PropertyNames.Category, KataCategories.Long);
        test.Properties.Set(PropertyNames.Description, Why);
    }
}
