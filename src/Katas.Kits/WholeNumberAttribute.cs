using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Katas.Kits;

/// <summary>
/// An option that takes a whole number from <see cref="Minimum"/> to <see cref="Maximum"/>: Spectre.Console.Cli checks it while
/// binding the command line, so a command's <c>Validate</c> keeps only the checks that involve more than one option. A value
/// outside the range is a usage error: "--threads must be a whole number from 1 to 64; got 0."
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class WholeNumberAttribute(int minimum, int maximum) : ParameterValidationAttribute(errorMessage: null!)
{
    /// <summary>The smallest value allowed.</summary>
    public int Minimum { get; } = minimum;

    /// <summary>The largest value allowed.</summary>
    public int Maximum { get; } = maximum;

    /// <inheritdoc />
    public override ValidationResult Validate(CommandParameterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Value is not int value || (value >= Minimum && value <= Maximum))
        {
            // No value given (an optional number left out) or one in range.
            return ValidationResult.Success();
        }

        return ValidationResult.Error(string.Create(CultureInfo.InvariantCulture,
            $"{ParameterNames.Of(context.Parameter)} must be a whole number from {Minimum} to {Maximum}; got {value}."));
    }
}
