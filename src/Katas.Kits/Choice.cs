namespace Katas.Kits;

/// <summary>
/// A command-line choice that is an enum: its values as the command line writes them (the members' names in lower case:
/// <c>AttackMethod.Fgsm</c> is "fgsm"), read back exactly as written, and listed in usage errors.
/// </summary>
public static class Choice
{
    /// <summary>The command-line names of <paramref name="choices"/>' members, in declaration order.</summary>
    public static IReadOnlyList<string> Names(Type choices) => Enum.GetNames(choices).Select(CommandLineName).ToList();

    /// <summary>The command-line name of <paramref name="value"/>.</summary>
    public static string NameOf<T>(T value) where T : struct, Enum => CommandLineName(value.ToString());

    /// <summary>Whether <paramref name="text"/> is the command-line name of a member of <paramref name="choices"/> (lower case, not a number).</summary>
    public static bool IsOneOf(Type choices, string text) => Names(choices).Contains(text, StringComparer.Ordinal);

    /// <summary>The member <paramref name="text"/> names, after <see cref="OneOfAttribute"/> has checked it.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="text"/> names no member.</exception>
    public static T Parse<T>(string text) where T : struct, Enum =>
        IsOneOf(typeof(T), text)
            ? Enum.Parse<T>(text, ignoreCase: true)
            : throw new ArgumentOutOfRangeException(nameof(text), text, $"must be {Listed(typeof(T))}");

    /// <summary>"pets or fashion" for two members, "one of sign, fgsm, pgd" for more.</summary>
    public static string Listed(Type choices)
    {
        IReadOnlyList<string> names = Names(choices);
        return names.Count == 2 ? $"{names[0]} or {names[1]}" : "one of " + string.Join(", ", names);
    }

    /// <summary>How a member's name is written on the command line: in lower case.</summary>
    private static string CommandLineName(string memberName) => memberName.ToLowerInvariant();
}
