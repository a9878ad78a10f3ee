using System.Reflection;
using Katas.Kits;
using Spectre.Console.Cli;

namespace Katas.Cli;

/// <summary>
/// The options that take a value ("--task &lt;N&gt;"), read from every command's settings, to name an option left without
/// its value at the end of a command line. Spectre.Console.Cli reports that case as a failed conversion of a value the
/// learner never typed; the settings' own attributes say which option it was.
/// </summary>
internal static class OptionsWithValues
{
    private static readonly Lazy<HashSet<string>> Names = new(() =>
        new[] { typeof(OptionsWithValues).Assembly, typeof(BenchSettings).Assembly }
            .Concat(KitCatalog.Commands.Select(command => command.Command.Assembly))
            .Concat(KitCatalog.Benchmarks.Select(bench => bench.Command.Assembly))
            .Distinct()
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => typeof(CommandSettings).IsAssignableFrom(type))
            .SelectMany(type => type.GetProperties())
            .Select(property => property.GetCustomAttribute<CommandOptionAttribute>())
            .Where(option => option is { ValueName: not null, ValueIsOptional: false })
            .SelectMany(option => option!.LongNames.Select(name => "--" + name).Concat(option.ShortNames.Select(name => "-" + name)))
            .ToHashSet(StringComparer.Ordinal));

    /// <summary>The last argument when it is an option that takes a value (so none followed it), else null.</summary>
    public static string? LeftWithoutValue(IReadOnlyList<string> args) =>
        args.Count > 0 && Names.Value.Contains(args[^1]) ? args[^1] : null;
}
