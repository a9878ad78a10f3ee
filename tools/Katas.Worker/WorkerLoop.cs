using System.Diagnostics;
using System.Text.Json;
using Katas.Runner.Protocol;
using Katas.Testing;
using Katas.Worker.Compiling;
using Katas.Worker.Loading;
using Katas.Worker.Running;

namespace Katas.Worker;

/// <summary>The worker's life: start warm, then compile and test the kata once per request until told to stop or retired.</summary>
internal static class WorkerLoop
{
    /// <summary>The exit code of a worker that retires itself after a call into learner code ran past its time limit.</summary>
    public const int RetiredExitCode = 3;

    public static int Run(TextReader input)
    {
        string key = input.ReadLine() ?? throw new InvalidOperationException("The worker needs its key on standard input.");
        WorkerSetup setup = JsonSerializer.Deserialize<WorkerSetup>(input.ReadLine() ?? "null", WorkerChannel.Json)
                            ?? throw new InvalidOperationException("The worker needs its setup on standard input.");
        var output = new ProtocolWriter(key);
        // Learner code that prints outside a test (while the tests are loaded) goes to standard error, never to the reports.
        Console.SetOut(Console.Error);
        TestFolder.UseForMissingAssemblies(Path.GetDirectoryName(Path.GetFullPath(setup.TestAssembly))!);

        var clock = Stopwatch.StartNew();
        var compiler = new KataCompiler(setup.KataAssemblyName, CompileReferences.For(setup.TestAssembly));
        var session = new TestSession(setup, output);
        Warm(compiler);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            if (session.Running is { } running)
            {
                output.Send(new WorkerEvent(WorkerEventKind.Exiting) { Test = running });
            }
        };
        output.Send(new WorkerEvent(WorkerEventKind.Ready) { Seconds = clock.Elapsed.TotalSeconds });

        // Ends only with the process: when the supervisor is gone, the reader thread ends it (see SupervisorLines).
        foreach (string line in SupervisorLines(input))
        {
            RunRequest request = JsonSerializer.Deserialize<RunRequest>(line, WorkerChannel.Json)
                                 ?? throw new InvalidOperationException("An empty run request.");
            if (!session.Run(request, compiler))
            {
                // A learner call is still running (or was stopped midway): its state can't be trusted for more tests.
                output.Send(new WorkerEvent(WorkerEventKind.Poisoned) { Reason = "a call into learner code ran past its time limit" });
                return RetiredExitCode;
            }
        }

        return 0;
    }

    /// <summary>
    /// The supervisor's requests, read on a thread of their own so the worker notices at once when its supervisor is gone
    /// (its standard input ends), even in the middle of a run: then nobody reads the reports, and learner code would go on
    /// using the CPU until the run's end, so the worker ends there and then.
    /// </summary>
    private static IEnumerable<string> SupervisorLines(TextReader input)
    {
        var lines = new System.Collections.Concurrent.BlockingCollection<string>();
        var reader = new Thread(() =>
        {
            while (input.ReadLine() is { } line)
            {
                lines.Add(line);
            }

            EndNow();
        })
        { IsBackground = true, Name = "supervisor requests" };
        reader.Start();
        return lines.GetConsumingEnumerable();
    }

    /// <summary>
    /// Ends the process at once, without the runtime's orderly shutdown: that would run while the run's thread may be inside
    /// libtorch, which can then crash (measured: exit code 139, a segmentation fault, when a kata 01 test was running).
    /// </summary>
    private static void EndNow()
    {
        if (OperatingSystem.IsWindows())
        {
            Process.GetCurrentProcess().Kill();
        }
        else
        {
            ExitImmediately(0);
        }
    }

    /// <summary>POSIX _exit: ends the process without running exit handlers.</summary>
    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "_exit")]
    private static extern void ExitImmediately(int status);

    /// <summary>
    /// Loads TorchSharp's native library and runs the compiler once, so the first save is answered as fast as the next:
    /// both cost the most the first time in a process. They are independent, so the library loads on a thread of its own
    /// while the compiler (precompiled: build/ReadyToRun.targets) warms up; measured on 2 cores, ready after about 0.7 s.
    /// The thread count and seed are set here, on the worker's own thread: libtorch keeps the thread count per thread.
    /// </summary>
    private static void Warm(KataCompiler compiler)
    {
        Task load = Task.Run(Katas.TorchRuntime.EnsureNativeLibraryLoads);
        compiler.WarmUp();
        _ = typeof(LearnerCode);
        load.GetAwaiter().GetResult();
        Katas.TorchRuntime.Initialise(threads: 1, seed: Katas.TorchRuntime.DefaultSeed);
    }
}
