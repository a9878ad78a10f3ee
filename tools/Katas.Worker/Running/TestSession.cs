using System.Diagnostics;
using System.Reflection;
using System.Security;
using Katas.Runner.Protocol;
using Katas.Testing;
using Katas.Worker.Compiling;
using Katas.Worker.Loading;
using NUnit.Framework.Api;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace Katas.Worker.Running;

/// <summary>
/// One kata's tests in this worker: for each request, compile the learner's kata, load it with the tests into a fresh
/// collectible context, check the tests find every member they use, and run the tests task by task (the requested
/// order first) with NUnit's own runner, reporting each test as it ends.
/// </summary>
internal sealed class TestSession
{
    private readonly WorkerSetup _setup;
    private readonly ProtocolWriter _output;
    private readonly string _folder;
    private readonly string _testName;
    private readonly IReadOnlySet<string> _dependents;
    private volatile string? _running;

    public TestSession(WorkerSetup setup, ProtocolWriter output)
    {
        _setup = setup;
        _output = output;
        _folder = Path.GetDirectoryName(Path.GetFullPath(setup.TestAssembly))!;
        _testName = Path.GetFileNameWithoutExtension(setup.TestAssembly);
        _dependents = TestFolder.KataDependents(_folder, setup.KataAssemblyName);
    }

    /// <summary>The test running now, or null.</summary>
    public string? Running => _running;

    /// <summary>Compiles and tests as <paramref name="request"/> says; false when the worker must retire.</summary>
    public bool Run(RunRequest request, KataCompiler compiler)
    {
        var clock = Stopwatch.StartNew();
        CompiledKata compiled = compiler.Compile(request.Source);
        if (!compiled.Succeeded)
        {
            _output.Send(new WorkerEvent(WorkerEventKind.Compiled) { Succeeded = false, Diagnostics = compiled.Diagnostics, Seconds = compiled.Seconds });
            _output.Send(new WorkerEvent(WorkerEventKind.Done) { Seconds = clock.Elapsed.TotalSeconds });
            return true;
        }

        var context = new LearnerLoadContext(_folder, _dependents, compiled.Image!, compiled.Symbols);
        try
        {
            return RunLoaded(request, compiled, context, clock);
        }
        finally
        {
            context.Unload();
        }
    }

    private bool RunLoaded(RunRequest request, CompiledKata compiled, LearnerLoadContext context, Stopwatch clock)
    {
        Assembly tests = context.LoadDependent(_testName);
        List<CompilerMessage> gaps = _dependents.SelectMany(name => MissingMembers.Of(
                name == _testName ? tests : context.LoadDependent(name), _setup.KataAssemblyName, File.ReadAllBytes(Path.Combine(_folder, name + ".dll"))))
            .Distinct()
            .Select(gap => ApiMessages.For(gap, compiled.Compilation, request.Source))
            .ToList();
        _output.Send(new WorkerEvent(WorkerEventKind.Compiled)
        {
            Succeeded = gaps.Count == 0,
            Diagnostics = [.. gaps, .. compiled.Diagnostics],
            Seconds = compiled.Seconds,
        });
        if (gaps.Count > 0)
        {
            _output.Send(new WorkerEvent(WorkerEventKind.Done) { Seconds = clock.Elapsed.TotalSeconds });
            return true;
        }

        KataEnvironment.UseRunner(tests, request.Implementation, request.Animate, request.SnapshotFolder, request.ArtifactsFolder);
        LearnerCode.UseDefaultTimeLimit(request.TimeLimitSeconds is double seconds ? TimeSpan.FromSeconds(seconds) : null);
        // Known hangs belong to one run: the learner may have fixed the loop since.
        Katas.Watch.LoopWatch.ForgetHangs();
        foreach (string hang in request.KnownHangs ?? [])
        {
            Katas.Watch.LoopWatch.MarkHung(hang);
        }

        var runner = new NUnitTestAssemblyRunner(new DefaultTestAssemblyBuilder());
        runner.Load(tests, new Dictionary<string, object>
        {
            // One test at a time, events on this thread: TorchSharp's generator and thread count are global.
            ["NumberOfTestWorkers"] = 0,
            ["SynchronousEvents"] = true,
        });
        // The tests this run is about: every test, or those of the tasks or names asked for (the board's rows and counts).
        IReadOnlyList<DiscoveredTest> discovered = TestDiscovery.Cases(runner.LoadedTest ?? throw new InvalidOperationException("NUnit loaded no tests."))
            .Where(test => (request.OnlyTasks is null || request.OnlyTasks.Contains(test.Case.Task))
                           && (request.OnlyTests is null || request.OnlyTests.Any(prefix => test.Case.Name.StartsWith(prefix, StringComparison.Ordinal))))
            .ToList();
        _output.Send(new WorkerEvent(WorkerEventKind.Discovered) { Tests = discovered.Select(test => test.Case).ToList(), Seconds = clock.Elapsed.TotalSeconds });
        if (request.DiscoverOnly)
        {
            _output.Send(new WorkerEvent(WorkerEventKind.Done) { Seconds = clock.Elapsed.TotalSeconds });
            return true;
        }

        var listener = new ReportingListener(_output, test => _running = test);
        if (request.Animate)
        {
            // The board first: the figure tests queue their animations, made once every test has reported.
            Figures.Animation.Defer();
        }

        foreach (IReadOnlyList<DiscoveredTest> phase in Phases(request, discovered))
        {
            runner.Run(listener, Only(phase));
        }

        Figures.Animation.WriteDeferred();

        _output.Send(new WorkerEvent(WorkerEventKind.Done) { Seconds = clock.Elapsed.TotalSeconds });
        return !LearnerCode.TimedOut;
    }

    /// <summary>
    /// The tests to run but those to skip, one group per task: the requested tasks first, then the others in order; the
    /// long tests ([LongTest]) after every quick one, in the same task order, so every task's row appears early, except
    /// those of the first requested task (the one whose file changed), which run right after its quick tests: its full
    /// row is the one the learner waits for. With <see cref="RunRequest.LongShare"/>, only this worker's share of the
    /// long tests (and the quick ones if it says so).
    /// </summary>
    internal static IEnumerable<IReadOnlyList<DiscoveredTest>> Phases(RunRequest request, IReadOnlyList<DiscoveredTest> discovered)
    {
        var skip = new HashSet<string>(request.Skip, StringComparer.Ordinal);
        List<DiscoveredTest> chosen = discovered.Where(test => !skip.Contains(test.Case.FullName)).ToList();
        List<int> tasks = request.TaskOrder.Concat(chosen.Select(test => test.Case.Task).Distinct().Order()).Distinct().ToList();
        LongTestShare share = request.LongShare ?? new LongTestShare(0, 1, QuickTests: true);
        // A long test's share goes by its place among every long test discovered, in discovery order: the same in every
        // worker and every request of the run, whatever was skipped or reordered since.
        var mine = new HashSet<DiscoveredTest>(discovered.Where(test => test.Case.IsLong).Where((test, position) => share.Takes(position)));
        List<DiscoveredTest> Quick(int task) => share.QuickTests ? chosen.Where(test => test.Case.Task == task && !test.Case.IsLong).ToList() : [];
        List<DiscoveredTest> Long(int task) => chosen.Where(test => test.Case.Task == task && mine.Contains(test)).ToList();
        IEnumerable<List<DiscoveredTest>> first = request.TaskOrder.Take(1).SelectMany(task => new[] { Quick(task), Long(task) });
        IEnumerable<int> others = tasks.Skip(request.TaskOrder.Count > 0 ? 1 : 0).ToList();
        return first.Concat(others.Select(Quick)).Concat(others.Select(Long)).Where(group => group.Count > 0);
    }

    private static TestFilter Only(IEnumerable<DiscoveredTest> tests) =>
        TestFilter.FromXml("<filter><or>" + string.Concat(tests.Select(test => $"<id>{SecurityElement.Escape(test.Id)}</id>")) + "</or></filter>");
}
