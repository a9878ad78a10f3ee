using Katas.Runner.Protocol;
using NUnit.Framework.Interfaces;

namespace Katas.Worker.Running;

/// <summary>The test cases NUnit found in a loaded test assembly, each with the kata task its [KataTask(n)] gave it.</summary>
internal static class TestDiscovery
{
    /// <summary>Every test case under <paramref name="root"/>, in NUnit's order.</summary>
    public static IReadOnlyList<DiscoveredTest> Cases(ITest root)
    {
        var found = new List<DiscoveredTest>();
        Walk(root, 0, found);
        return found;
    }

    private static void Walk(ITest test, int task, List<DiscoveredTest> found)
    {
        int here = test.Properties[NUnit.Framework.Internal.PropertyNames.Category].OfType<string>()
            .Select(Katas.KataCategories.TaskOf).FirstOrDefault(number => number > 0);
        int current = here > 0 ? here : task;
        if (!test.IsSuite)
        {
            found.Add(new DiscoveredTest(test.Id, new TestCase(test.FullName, test.ClassName ?? "", test.Name, current)));
            return;
        }

        foreach (ITest child in test.Tests)
        {
            Walk(child, current, found);
        }
    }
}
