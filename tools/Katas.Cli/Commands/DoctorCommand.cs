using Katas.Cli.Doctor;
using Katas.Kits;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Katas.Cli.Commands;

/// <summary>`./kata doctor`: checks this machine can run the katas, one line per check with its fix; exits 1 when something needed is missing.</summary>
public sealed class DoctorCommand(IAnsiConsole console) : Command<DoctorCommand.Settings>
{
    /// <summary>`./kata doctor` takes no arguments.</summary>
    public sealed class Settings : CommandSettings;

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        bool missing = false;
        foreach (DoctorLine line in DoctorChecks.All())
        {
            missing |= line.Status == DoctorStatus.Missing;
            string mark = line.Status switch
            {
                DoctorStatus.Ok => "[green]ok     [/]",
                DoctorStatus.Note => "[yellow]note   [/]",
                _ => "[red]MISSING[/]",
            };
            string fix = line.Fix is null ? "" : $" [bold]->[/] {Markup.Escape(line.Fix)}";
            console.MarkupLine($"{mark} {Markup.Escape(line.Check)}: {Markup.Escape(line.Found)}{fix}");
        }

        console.MarkupLine(missing
            ? "[red]Something the katas need is missing:[/] see the MISSING line(s) above, fix, and run ./kata doctor again."
            : $"[green]Ready:[/] everything the katas need is here. Next: katas/{KataRepository.Katas[0]}/README.md, then ./kata watch {KataRepository.Katas[0][..2]}");
        return missing ? 1 : 0;
    }
}
