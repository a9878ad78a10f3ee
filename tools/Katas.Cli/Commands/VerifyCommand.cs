using Spectre.Console;

namespace Katas.Cli.Commands;

/// <summary>
/// `katas verify stubs|mutants [NN]`: keeps the katas honest. Every test must fail on the untouched
/// stubs, and every known-wrong variant of a solution must be caught by the test it names.
/// </summary>
internal static class VerifyCommand
{
    public const string Usage = "verify stubs|mutants [NN] [--mutant NAME]  prove every test fails on the stubs / every mutant is caught";

    public static int Run(Arguments arguments)
    {
        string? only = arguments.Value("--mutant");
        arguments.RejectUnknown(2);
        if (arguments.Positionals.Count == 0)
        {
            throw new UsageException("verify needs what to verify: stubs or mutants.");
        }

        IReadOnlyList<string> katas = arguments.Positionals.Count == 2 ? [Repository.ResolveKata(arguments.Positionals[1])] : Repository.Katas;
        return arguments.Positionals[0] switch
        {
            "stubs" => katas.All(Stubs) ? 0 : 1,
            "mutants" => katas.Select(kata => Mutants(kata, only)).ToList().All(ok => ok) ? 0 : 1,
            _ => throw new UsageException($"verify {arguments.Positionals[0]}: use verify stubs or verify mutants."),
        };
    }

    private static bool Stubs(string kata)
    {
        TestRunResult result = TestRun.Run(kata, "katas", "katas");
        if (!result.Built)
        {
            AnsiConsole.MarkupLine($"[red]{kata}: the stubs do not build[/]");
            AnsiConsole.WriteLine(result.BuildOutput);
            return false;
        }

        List<TestOutcome> passing = result.Outcomes.Where(outcome => outcome.Passed).ToList();
        bool ok = result.Outcomes.Count > 0 && passing.Count == 0;
        AnsiConsole.MarkupLine(ok
            ? $"[green]{kata}: all {result.Outcomes.Count} tests fail on the untouched stubs[/] ({result.Elapsed.TotalSeconds:0} s)"
            : $"[red]{kata}: {passing.Count} of {result.Outcomes.Count} tests pass on the untouched stubs[/], so they don't test the learner's code:");
        foreach (TestOutcome outcome in passing)
        {
            AnsiConsole.MarkupLine($"  {Markup.Escape(outcome.ClassName)}.{Markup.Escape(outcome.Name)}");
        }

        return ok;
    }

    private static bool Mutants(string kata, string? only)
    {
        string folder = Path.Combine(Repository.Root, "tests", kata, "Mutants");
        string[] files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.mutant").Order(StringComparer.Ordinal).ToArray() : [];
        if (only is not null)
        {
            files = files.Where(file => Path.GetFileNameWithoutExtension(file) == only).ToArray();
            if (files.Length == 0)
            {
                throw new UsageException($"{kata} has no mutant \"{only}\" (tests/{kata}/Mutants/{only}.mutant).");
            }
        }
        else if (files.Length < 4)
        {
            AnsiConsole.MarkupLine($"[red]{kata}: {files.Length} mutants; every kata needs at least 4[/] (tests/{kata}/Mutants/*.mutant)");
            return false;
        }

        bool allCaught = true;
        foreach (string file in files)
        {
            allCaught &= Check(kata, file);
        }

        return allCaught;
    }

    private static bool Check(string kata, string file)
    {
        Mutant mutant;
        string root = Path.Combine(Repository.Artifacts, "mutants", kata, Path.GetFileNameWithoutExtension(file));
        try
        {
            mutant = Mutant.Load(file);
            mutant.Apply(Path.Combine(Repository.Root, "solutions", kata), Path.Combine(root, kata));
        }
        catch (FormatException e)
        {
            AnsiConsole.MarkupLine($"[red]{kata}/{Markup.Escape(Path.GetFileName(file))}: {Markup.Escape(e.Message)}[/]");
            return false;
        }

        TestRunResult result = TestRun.Run(kata, root, "mutant");
        string label = $"{kata} mutant [bold]{Markup.Escape(mutant.Name)}[/]";
        if (!result.Built)
        {
            AnsiConsole.MarkupLine($"[red]{label} does not build[/]: a mutant must be a program a learner could run.");
            AnsiConsole.WriteLine(result.BuildOutput);
            return false;
        }

        List<TestOutcome> failures = result.Outcomes.Where(outcome => !outcome.Passed).ToList();
        // caught-by names a test, or the start of the names of a group of test cases.
        List<TestOutcome> declared = failures.Where(outcome => outcome.Name.StartsWith(mutant.CaughtBy, StringComparison.Ordinal)).ToList();
        TestOutcome? named = declared.FirstOrDefault(outcome => mutant.Message is null || outcome.Message.Contains(mutant.Message, StringComparison.Ordinal))
            ?? declared.FirstOrDefault();
        bool messageOk = named is not null && (mutant.Message is null || named.Message.Contains(mutant.Message, StringComparison.Ordinal));
        if (failures.Count > 0 && messageOk)
        {
            AnsiConsole.MarkupLine($"[green]caught[/] {label} ({failures.Count} failing tests, {result.Elapsed.TotalSeconds:0} s): {Markup.Escape(mutant.Description)}");
            return true;
        }

        AnsiConsole.MarkupLine(failures.Count == 0
            ? $"[red]NOT CAUGHT[/] {label}: every test passes. {Markup.Escape(mutant.Description)}"
            : $"[red]caught, but not as declared[/] {label}: expected {Markup.Escape(mutant.CaughtBy)} to fail" +
              (mutant.Message is null ? "" : $" saying \"{Markup.Escape(mutant.Message)}\"") +
              $"; failing: {Markup.Escape(string.Join(", ", failures.Select(f => f.Name)))}" +
              (named is null ? "" : $"\n  its message: {Markup.Escape(named.Message)}"));
        return false;
    }
}
