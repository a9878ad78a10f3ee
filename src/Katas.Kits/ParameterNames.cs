using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;

namespace Katas.Kits;

/// <summary>How a usage error names an option or argument: as the help prints it.</summary>
internal static class ParameterNames
{
    /// <summary>An option's short name when it has one (-n), else its long one (--threads); an argument's value name (VICTIM).</summary>
    public static string Of(ICommandParameterInfo parameter) => parameter switch
    {
        ICommandOption { ShortNames.Count: > 0 } option => "-" + option.ShortNames[0],
        ICommandOption { LongNames.Count: > 0 } option => "--" + option.LongNames[0],
        ICommandArgument argument => argument.Value,
        _ => parameter.PropertyName,
    };
}
