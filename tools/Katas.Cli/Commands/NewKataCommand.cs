using System.ComponentModel;
using Katas.Cli.Authoring;
using Katas.Cli.Running;
using Katas.Kits;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Katas.Cli.Commands;

/// <summary>
/// `./kata new NN-name "title"`: a new kata from templates/kata/, a working one-task kata to grow from: the four projects
/// (stubs, reference, tests with a snapshot, mutants and a rubric, a kit with a demo), its README with ## Tasks, HINTS.md,
/// a docs page, its projects in Katas.slnx and its row in the README's table. Every command finds it at once.
/// </summary>
public sealed class NewKataCommand(IAnsiConsole console) : Command<NewKataCommand.Settings>
{
    /// <summary>The command line of `./kata new`.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<NN-NAME>")]
        [Description("the kata's folder name: two digits, a dash, lower-case words joined by dashes (06-image-filters)")]
        public string Folder { get; init; } = "";

        [CommandArgument(1, "<TITLE>")]
        [Description("what the learner builds, for the kata's README, its docs page and the README's table (quote it)")]
        public string Title { get; init; } = "";

        public override ValidationResult Validate()
        {
            try
            {
                _ = NewKata.Parse(Folder, Title);
                return ValidationResult.Success();
            }
            catch (UsageException e)
            {
                return ValidationResult.Error(e.Message);
            }
        }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        NewKata kata = NewKata.Parse(settings.Folder, settings.Title);
        IReadOnlyList<(string From, string To)> plan = KataTemplate.Plan(kata);
        KataTemplate.Write(kata, plan);
        foreach ((_, string to) in plan)
        {
            console.MarkupLine($"  wrote [bold]{Markup.Escape(to)}[/]");
        }

        string[] projects = [.. plan.Select(step => step.To).Where(path => path.EndsWith(".csproj", StringComparison.Ordinal))];
        (int code, string output) = Dotnet.Run(["sln", "Katas.slnx", "add", .. projects]);
        if (code != 0)
        {
            console.MarkupLine($"[red]dotnet sln add failed[/]; add the projects yourself: dotnet sln Katas.slnx add {Markup.Escape(string.Join(' ', projects))}");
            console.WriteLine(output);
            return 1;
        }

        console.MarkupLine($"  added its {projects.Length} projects to [bold]Katas.slnx[/]");
        string readmePath = Path.Combine(KataRepository.Root, "README.md");
        string? readme = File.Exists(readmePath) ? ReadmeKataTable.WithRow(File.ReadAllText(readmePath), kata) : null;
        if (readme is null)
        {
            console.MarkupLine("[yellow]README.md has no table of katas; add the new kata's row yourself.[/]");
        }
        else
        {
            File.WriteAllText(readmePath, readme);
            console.MarkupLine("  added its row to the table in [bold]README.md[/]");
        }

        console.MarkupLine($"""
            [bold]{kata.Folder}[/] is a working kata with one placeholder task (Doubling.Double). Next:
              ./kata check {kata.Number}              the stub fails its tests
              ./kata demo {kata.Number}               the reference draws its figure
              ./kata verify mutants {kata.Number}     every mutant is caught by the test it names
            then replace the placeholder with the kata's tasks (docs/architecture.md says where each part goes).
            """);
        return 0;
    }
}
