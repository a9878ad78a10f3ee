using System.Text.Json;
using FluentAssertions;
using Katas.Cli.Running;
using Katas.Conventions;

namespace Katas.Runner.Tests;

/// <summary>
/// The worker's build starts fast: the C# compiler it warms up and what each run's tests call first (TorchSharp, NUnit,
/// FluentAssertions) are precompiled (build/ReadyToRun.targets), and tiered PGO is off, without which the precompiled
/// compiler made kata 03's long tests slower (docs/learner-loop.md).
/// </summary>
public sealed class WorkerBuildTests
{
    private static string WorkerFolder => Path.GetDirectoryName(KataWorkers.WorkerAssembly)!;

    [TestCase("Microsoft.CodeAnalysis.dll")]
    [TestCase("Microsoft.CodeAnalysis.CSharp.dll")]
    [TestCase("TorchSharp.dll")]
    [TestCase("nunit.framework.dll")]
    [TestCase("FluentAssertions.dll")]
    public void What_every_worker_runs_first_is_precompiled(string assembly)
    {
        ReadyToRunCode.In(Path.Combine(WorkerFolder, assembly)).Should().BeTrue(
            $"{assembly} in {WorkerFolder} should carry ReadyToRun code (a ManagedNativeHeader); without it every worker JITs it at its start");
    }

    [TestCase("katas-worker.dll")]
    [TestCase("Katas.Testing.dll")]
    public void An_assembly_not_listed_stays_as_built(string assembly)
    {
        ReadyToRunCode.In(Path.Combine(WorkerFolder, assembly)).Should().BeFalse($"only the listed assemblies are precompiled, not {assembly}");
    }

    [Test]
    public void Tiered_PGO_is_off_in_the_workers_runtime_settings()
    {
        string settings = Path.ChangeExtension(KataWorkers.WorkerAssembly, ".runtimeconfig.json");
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(settings));
        document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").GetProperty("System.Runtime.TieredPGO").GetBoolean()
            .Should().BeFalse($"{settings} should turn tiered PGO off (<TieredPGO>false</TieredPGO> in tools/Katas.Worker)");
    }
}
