using Katas.Figures;
using Katas.Kits;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Katas.Cli.Commands;

/// <summary>
/// `katas accept [NN]`: turns received plot snapshots into verified ones, but only those the reference
/// solutions produced: a learner's or a mutant's figure must never become the oracle.
/// </summary>
public sealed class AcceptCommand(IAnsiConsole console) : Command<KataSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, KataSettings settings, CancellationToken cancellationToken)
    {
        int accepted = 0;
        int refused = 0;
        foreach (string kata in settings.Katas)
        {
            string folder = Path.Combine(KataRepository.Root, "tests", kata, "Snapshots");
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (string received in Directory.GetFiles(folder, "*" + SnapshotFiles.ReceivedExtension))
            {
                string relative = KataRepository.Relative(received);
                if (!SnapshotFiles.TryReadReceived(received, out string? producer, out string? snapshot) || producer != "solutions")
                {
                    console.MarkupLine($"[red]refused[/] {Markup.Escape(relative)}: it was not produced by the reference solutions " +
                                           $"({Markup.Escape(producer ?? "no producer recorded")}); run `dotnet test` on the solutions to make a snapshot.");
                    refused++;
                    continue;
                }

                string verified = SnapshotFiles.VerifiedPathFor(received);
                File.WriteAllText(verified, snapshot);
                File.Delete(received);
                console.MarkupLine($"accepted [bold]{Markup.Escape(KataRepository.Relative(verified))}[/]");
                accepted++;
            }
        }

        console.MarkupLine(accepted == 0 ? "No received snapshots to accept." : $"{accepted} snapshot(s) accepted: review the diff and commit them.");
        return refused == 0 ? 0 : 1;
    }
}
