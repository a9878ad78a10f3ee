using System.Reflection;
using Katas.Conventions;
using Katas.Kits;
using Katas.Runner.Supervision;
using Spectre.Console;

namespace Katas.Cli.Running;

/// <summary>Starts the test workers of a kata: its reference tests built (once), and the worker program beside this tool's build.</summary>
internal static class KataWorkers
{
    /// <summary>The worker program: tools/Katas.Worker's build of this tool's configuration, built with the tool.</summary>
    public static string WorkerAssembly =>
        KataMetadata.Of(typeof(KataWorkers).Assembly, "KataWorker")
        ?? throw new InvalidOperationException("This build of the katas tool does not say where its test worker is (tools/Katas.Cli/Katas.Cli.csproj).");

    /// <summary>
    /// What a worker for <paramref name="kata"/> starts with, after building its reference tests if they are missing or stale
    /// (saying so, since that takes a while); null, with the compiler's output shown, when they don't build.
    /// </summary>
    public static WorkerStart? Prepare(IAnsiConsole console, string kata, string? root = null, CancellationToken stop = default)
    {
        ReferenceTests tests = ReferenceTests.Of(kata, root);
        if (!tests.IsCurrent())
        {
            console.MarkupLine($"{kata}: building the kata's tests against the {(KataSources.IsReference(tests.Source) ? "reference solutions" : "kata's types")} (once; about a minute the first time)...");
            if (tests.Build() is { } errors)
            {
                if (stop.IsCancellationRequested)
                {
                    // Ctrl+C reached the build too: that is why it failed.
                    console.MarkupLine($"{kata}: stopped while building the kata's tests.");
                    return null;
                }

                console.MarkupLine($"[red]{kata}: the kata's tests do not build[/] (this is not your code: the tests, kits or shared libraries have an error):");
                console.WriteLine(errors);
                return null;
            }
        }

        if (!File.Exists(WorkerAssembly))
        {
            throw new InvalidOperationException($"The test worker is not built ({WorkerAssembly}): build the tool with ./kata (or dotnet build tools/Katas.Cli).");
        }

        return new WorkerStart(WorkerAssembly, tests.Assembly, tests.KataAssemblyName, kata) { WorkingDirectory = tests.Root, Environment = GlibcMalloc.ChildEnvironment };
    }
}
