using Katas.Cli;
using Katas.Cli.Commands;
using Katas.Data;
using Spectre.Console;

// The `katas` tool. Every command's usage is listed by Usage below; bad arguments exit with 2.
string[] commandLine = Environment.GetCommandLineArgs()[1..];
if (commandLine.Length == 0 || commandLine[0] is "help" or "--help" or "-h")
{
    Console.WriteLine(Usage());
    return commandLine.Length == 0 ? 2 : 0;
}

if (Console.IsOutputRedirected)
{
    // Logs and CI: don't wrap tables at 80 columns.
    AnsiConsole.Profile.Width = 200;
}

try
{
    var arguments = new Arguments(commandLine[1..], "--json");
    return commandLine[0] switch
    {
        "demo" => DemoCommand.Run(arguments),
        "check" => CheckCommand.Run(arguments),
        "reproduce" => ReproduceCommand.Run(arguments),
        "accept" => AcceptCommand.Run(arguments),
        "verify" => VerifyCommand.Run(arguments),
        "spread" => SpreadCommand.Run(arguments),
        "bench" => BenchCommand.Run(arguments),
        "race" => RaceCommand.Run(arguments),
        _ => throw new UsageException($"Unknown command \"{commandLine[0]}\"."),
    };
}
catch (UsageException e)
{
    Console.Error.WriteLine($"katas: {e.Message}");
    Console.Error.WriteLine(Usage());
    return 2;
}
catch (DataFormatException e)
{
    Console.Error.WriteLine($"katas: bad data file: {e.Message}");
    return 3;
}

static string Usage() => string.Join('\n',
    "usage: dotnet run --project tools/Katas.Cli -- <command> [arguments]",
    "commands:",
    "  " + DemoCommand.Usage,
    "  " + CheckCommand.Usage,
    "  " + ReproduceCommand.Usage,
    "  " + AcceptCommand.Usage,
    "  " + VerifyCommand.Usage,
    "  " + SpreadCommand.Usage,
    "  " + RaceCommand.Usage,
    "  " + BenchCommand.Usage);
