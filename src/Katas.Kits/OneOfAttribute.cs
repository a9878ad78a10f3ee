using Spectre.Console;
using Spectre.Console.Cli;

namespace Katas.Kits;

/// <summary>
/// An option or argument whose value is one of an enum's members, written as <see cref="Choice"/> writes them: Spectre checks it
/// while binding, so a bad value is a usage error that lists the choices ("--method must be one of sign, fgsm, pgd; got
/// \"cw\"."). The property stays a string so that the message is ours, not the converter's; the command reads the member
/// with <see cref="Choice.Parse{T}(string)"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OneOfAttribute(Type choices) : ParameterValidationAttribute(errorMessage: null!)
{
    /// <summary>The enum whose members are the choices.</summary>
    public Type Choices { get; } = choices.IsEnum ? choices : throw new ArgumentException($"{choices.Name} is not an enum.", nameof(choices));

    /// <inheritdoc />
    public override ValidationResult Validate(CommandParameterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Value is not string value || Choice.IsOneOf(Choices, value)
            ? ValidationResult.Success()
            : ValidationResult.Error($"{ParameterNames.Of(context.Parameter)} must be {Choice.Listed(Choices)}; got \"{value}\".");
    }
}
