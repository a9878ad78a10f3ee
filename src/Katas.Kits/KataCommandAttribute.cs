namespace Katas.Kits;

/// <summary>
/// Marks a Spectre.Console.Cli command in a kata's kit as a command of the katas tool:
/// <c>[KataCommand("spread", "spread N unit vectors ...")]</c> makes <c>katas spread</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class KataCommandAttribute(string name, string description) : Attribute
{
    /// <summary>The command's name on the command line.</summary>
    public string Name { get; } = name;

    /// <summary>One line for the tool's help.</summary>
    public string Description { get; } = description;
}

/// <summary>
/// Marks a Spectre.Console.Cli command in a kata's kit as a benchmark: <c>[KataBench("spread", "...")]</c>
/// makes <c>katas bench spread</c>. Benchmarks print figures and write them into the kata's docs.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class KataBenchAttribute(string name, string description) : Attribute
{
    /// <summary>The benchmark's name after <c>katas bench</c>.</summary>
    public string Name { get; } = name;

    /// <summary>One line for the tool's help.</summary>
    public string Description { get; } = description;
}
