using Spectre.Console;

namespace Katas.Cli.Commands;

/// <summary>`katas accept [NN]`: turns received plot snapshots into verified ones.</summary>
internal static class AcceptCommand
{
    public const string Usage = "accept [NN]          accept new plot snapshots (*.received.txt -> *.verified.txt)";

    public static int Run(Arguments arguments)
    {
        arguments.RejectUnknown(1);
        IEnumerable<string> katas = arguments.Positionals.Count == 1 ? [Repository.ResolveKata(arguments.Positionals[0])] : Repository.Katas;
        int accepted = 0;
        foreach (string kata in katas)
        {
            string folder = Path.Combine(Repository.Root, "tests", kata, "Snapshots");
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (string received in Directory.GetFiles(folder, "*.received.txt"))
            {
                string verified = received[..^".received.txt".Length] + ".verified.txt";
                File.Move(received, verified, overwrite: true);
                AnsiConsole.MarkupLine($"accepted [bold]{Markup.Escape(Path.GetRelativePath(Repository.Root, verified))}[/]");
                accepted++;
            }
        }

        AnsiConsole.MarkupLine(accepted == 0 ? "No received snapshots to accept." : $"{accepted} snapshot(s) accepted: review the diff and commit them.");
        return 0;
    }
}
