using Katas.Cli.Commands;
using Katas.Data;
using Katas.Kits;
using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Cli.Unsafe;

namespace Katas.Cli;

/// <summary>
/// The command line: the general commands, then every kit's commands and benchmarks, found by <see cref="KitCatalog"/>.
/// A command line that can't be carried out prints what was wrong and the usage, and exits with code 2.
/// </summary>
internal static class KatasApp
{
    /// <summary>Exit code for a bad command line.</summary>
    public const int UsageError = 2;

    /// <summary>Exit code for a data file that is missing or malformed (the message names it): not a command-line mistake, so no usage line.</summary>
    public const int DataError = 3;

    /// <summary>Runs the command line on the process's console; usage and data errors go to standard error.</summary>
    public static int Run(string[] args)
    {
        if (Console.IsOutputRedirected)
        {
            // Logs and CI: a fixed width that still reads well in a 100-column window.
            AnsiConsole.Profile.Width = 100;
        }

        return Run(args, console: null, Console.Error);
    }

    /// <summary>
    /// Runs the command line with help and Spectre's output on <paramref name="console"/> (the process's console when null) and
    /// the error lines on <paramref name="errors"/>: the tests run the command line in process this way.
    /// </summary>
    public static int Run(string[] args, IAnsiConsole? console, TextWriter errors)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            if (console is not null)
            {
                config.ConfigureConsole(console);
            }

            Configure(config);
            config.SetExceptionHandler((exception, _) => Fail(exception, args, console ?? AnsiConsole.Console, errors));
        });
        return app.Run(args);
    }

    private static void Configure(IConfigurator config)
    {
        config.SetApplicationName("./kata");
        config.UseStrictParsing();
        config.AddCommand<DoctorCommand>("doctor").WithDescription("check this machine can run the katas (SDK, TorchSharp's native library, fonts, data), one line per check with its fix");
        config.AddCommand<DemoCommand>("demo").WithDescription("render the katas' figures with the reference solutions into artifacts/")
            .WithExample("demo").WithExample("demo", "02");
        config.AddCommand<CheckCommand>("check").WithDescription("test your code in katas/ (or --source DIR) and show what passes, task by task")
            .WithExample("check", "01").WithExample("check", "01", "--task", "3");
        config.AddCommand<WatchCommand>("watch").WithDescription("test your kata again whenever you save a file under katas/, and move on when it is all green (Ctrl+C stops)")
            .WithExample("watch").WithExample("watch", "02");
        config.AddCommand<HintCommand>("hint").WithDescription("the next tier of a task's hints (katas/NN-name/HINTS.md), one more each time you ask")
            .WithExample("hint", "01", "3");
        config.AddCommand<ResetCommand>("reset").WithDescription("put a kata's stubs back as committed (asks first; keeps uncommitted work unless --force)")
            .WithExample("reset", "01");
        config.AddCommand<ReproduceCommand>("reproduce").WithDescription("print the article's runs recomputed, next to its printed digits (exit code 1 if one differs)");
        config.AddCommand<GradeCommand>("grade").WithDescription("grade a student's commit with this course's tests, rubrics and tool (instructors, CI); only the student's kata sources are used")
            .WithExample("grade").WithExample("grade", "--katas", "01,02", "--format", "json", "--out", "results.json");
        config.AddCommand<GradeClassCommand>("grade-class").WithDescription("grade every student of a roster (CSV name,repository,deadline) into one class report: class.md, class.html, class.csv; --shard and --merge for CI matrices")
            .WithExample("grade-class", "roster.csv", "--katas", "01").WithExample("grade-class", "roster.csv", "--shard", "1/2", "--out", "shard1")
            .WithExample("grade-class", "--merge", "shard1", "--merge", "shard2", "--out", "class");
        config.AddCommand<NewKataCommand>("new").WithDescription("start a new kata from templates/kata/: its four projects, README, hints, rubric, mutants, kit and docs page, in Katas.slnx and the README's table")
            .WithExample("new", "06-image-filters", "\"image filters by convolution\"");
        config.AddCommand<AcceptCommand>("accept").WithDescription("accept new plot snapshots made by the reference solutions (*.received.txt -> *.verified.txt)");
        config.AddBranch("verify", verify =>
        {
            verify.SetDescription("keep the katas honest: every test fails on the stubs, every mutant is caught");
            verify.AddCommand<VerifyStubsCommand>("stubs").WithDescription("prove every kata test fails on the untouched stubs");
            verify.AddCommand<VerifyMutantsCommand>("mutants").WithDescription("prove every known-wrong solution (mutant) is caught by the test it names");
        });

        IUnsafeConfigurator kits = config.SafetyOff();
        foreach ((Type command, KataCommandAttribute attribute) in KitCatalog.Commands)
        {
            kits.AddCommand(attribute.Name, command).WithDescription(attribute.Description);
        }

        config.AddBranch("bench", bench =>
        {
            bench.SetDescription("time the katas' code and the learner's loop; prints figures (speed targets live here, not in tests)");
            bench.AddCommand<Bench.LoopBenchCommand>("loop").WithDescription(
                "the learner's loop: save a task's file with watch running (right, not compiling, wrong, crashing) and time the board; against dotnet test");
            IUnsafeConfigurator benchmarks = bench.SafetyOff();
            foreach ((Type command, KataBenchAttribute attribute) in KitCatalog.Benchmarks)
            {
                benchmarks.AddCommand(attribute.Name, command).WithDescription(attribute.Description);
            }
        });
    }

    /// <summary>
    /// What was wrong with the command line: Spectre.Console.Cli's message, except for an option left without its value at the
    /// end, which it reports as a value that failed to convert although the learner typed none.
    /// </summary>
    private static string Explain(Exception exception, IReadOnlyList<string> args) =>
        exception is CommandRuntimeException && OptionsWithValues.LeftWithoutValue(args) is { } option
            ? $"{option} at the end of the command line has no value: give one after it (e.g. --task 3)."
            : exception.Message;

    private static int Fail(Exception exception, IReadOnlyList<string> args, IAnsiConsole console, TextWriter errors)
    {
        switch (exception)
        {
            case CommandParseException or CommandRuntimeException or UsageException:
                errors.WriteLine($"katas: {Explain(exception, args)}");
                errors.WriteLine("usage: ./kata <command> [options]   (./kata --help lists the commands; ./kata <command> --help explains one)");
                return UsageError;
            case NotImplementedException:
                // The tool built against katas/ (KataSource=katas) ran a task the learner has not done yet; its message names it.
                errors.WriteLine($"katas: {exception.Message} Finish that task first (./kata check shows what passes).");
                return 1;
            case DataFormatException:
                errors.WriteLine($"katas: bad data file: {exception.Message}");
                return DataError;
            case DatasetNotFoundException:
                errors.WriteLine($"katas: data not found: {exception.Message}");
                return DataError;
            default:
                console.WriteException(exception, ExceptionFormats.ShortenEverything);
                return 1;
        }
    }
}
