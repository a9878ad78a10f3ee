using FluentAssertions;
using Katas.Conventions;

namespace Katas.Cli.Tests;

/// <summary>
/// The tool starts fast: Spectre.Console, which every command line goes through first, is precompiled
/// (build/ReadyToRun.targets) in the tool's own build and in the copy of the tool these tests start.
/// </summary>
public sealed class ToolBuildTests
{
    /// <summary>tools/Katas.Cli's output folder for the build these tests are part of (same implementation, configuration and runtime).</summary>
    private static string ToolFolder
    {
        get
        {
            string testsFolder = Path.Combine(Testing.KataEnvironment.RepoRoot, "tests", "Katas.Cli.Tests", "bin");
            string build = Path.GetRelativePath(testsFolder, AppContext.BaseDirectory);
            return Path.Combine(Testing.KataEnvironment.RepoRoot, "tools", "Katas.Cli", "bin", build);
        }
    }

    [TestCase("Spectre.Console.dll")]
    [TestCase("Spectre.Console.Ansi.dll")]
    [TestCase("Spectre.Console.Cli.dll")]
    public void Spectre_Console_is_precompiled_in_the_tools_build(string assembly) => ShouldBePrecompiled(Path.Combine(ToolFolder, assembly));

    [TestCase("Spectre.Console.dll")]
    [TestCase("Spectre.Console.Cli.dll")]
    [TestCase("TorchSharp.dll")]
    public void What_the_tools_processes_here_load_first_is_precompiled(string assembly) => ShouldBePrecompiled(Path.Combine(AppContext.BaseDirectory, assembly));

    [Test]
    public void The_tools_own_assembly_stays_as_built()
    {
        ReadyToRunCode.In(Path.Combine(ToolFolder, "katas.dll")).Should().BeFalse("only the listed assemblies are precompiled, not the tool, which changes with every build");
    }

    private static void ShouldBePrecompiled(string file)
    {
        File.Exists(file).Should().BeTrue($"the build writes {file}");
        ReadyToRunCode.In(file).Should().BeTrue($"{file} should carry ReadyToRun code (a ManagedNativeHeader); without it every start of the tool JITs it");
    }
}
