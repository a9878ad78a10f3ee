using System.ComponentModel;
using Katas.Kits;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Katas.Cli.Commands;

/// <summary>Settings of commands that take an optional kata (NN, N or NN-name): all katas when it is left out.</summary>
public class KataSettings : CommandSettings
{
    [CommandArgument(0, "[KATA]")]
    [Description("a kata: 01, 1 or 01-linreg (default: every kata)")]
    public string? Kata { get; init; }

    /// <summary>The kata folders the command applies to.</summary>
    public IReadOnlyList<string> Katas => Kata is null ? KataRepository.Katas : [KataRepository.ResolveKata(Kata)];

    public override ValidationResult Validate()
    {
        try
        {
            _ = Katas;
            return ValidationResult.Success();
        }
        catch (UsageException e)
        {
            return ValidationResult.Error(e.Message);
        }
    }
}
