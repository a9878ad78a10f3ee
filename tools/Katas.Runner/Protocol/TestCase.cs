using System.Text.Json.Serialization;

namespace Katas.Runner.Protocol;

/// <summary>A test of a kata, as discovered.</summary>
/// <param name="FullName">NUnit's full name (unique): class, method and arguments.</param>
/// <param name="ClassName">The test class's full name.</param>
/// <param name="Name">The test's name, with its arguments for a test case.</param>
/// <param name="Task">The kata task from its [KataTask(n)], or 0.</param>
/// <param name="LongBecause">For a test marked [LongTest]: what makes it long; null for every other test.</param>
public sealed record TestCase(string FullName, string ClassName, string Name, int Task, string? LongBecause = null)
{
    /// <summary>
    /// The test method's name: a test case named by its TestName ("Your optimizer matches TorchSharp's ...") shows no method
    /// in its name, and the board counts the failing cases of one method as one cause. "" when not known.
    /// </summary>
    public string Method { get; init; } = "";

    /// <summary>A test the board runs after the quick ones (it takes tens of seconds).</summary>
    [JsonIgnore]
    public bool IsLong => LongBecause is not null;
}
