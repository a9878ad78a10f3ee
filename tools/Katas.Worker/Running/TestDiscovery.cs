using Katas.Conventions;
using Katas.Runner.Protocol;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace Katas.Worker.Running;

/// <summary>The test cases NUnit found in a loaded test assembly, each with the kata task its [KataTask(n)] gave it and whether it is long.</summary>
internal static class TestDiscovery
{
    /// <summary>Every test case under <paramref name="root"/>, in NUnit's order.</summary>
    public static IReadOnlyList<DiscoveredTest> Cases(ITest root)
    {
        var found = new List<DiscoveredTest>();
        Walk(root, 0, null, found);
        return found;
    }

    private static void Walk(ITest test, int task, string? longBecause, List<DiscoveredTest> found)
    {
        List<string> categories = test.Properties[PropertyNames.Category].OfType<string>().ToList();
        int here = categories.Select(KataCategories.TaskOf).FirstOrDefault(number => number > 0);
        int current = here > 0 ? here : task;
        string? longHere = categories.Contains(KataCategories.Long)
            ? test.Properties.Get(PropertyNames.Description) as string ?? "a long test"
            : longBecause;
        if (!test.IsSuite)
        {
            found.Add(new DiscoveredTest(test.Id, new TestCase(test.FullName, test.ClassName ?? "", test.Name, current, longHere) { Method = test.Method?.Name ?? "" }));
            return;
        }

        foreach (ITest child in test.Tests)
        {
            Walk(child, current, longHere, found);
        }
    }
}
