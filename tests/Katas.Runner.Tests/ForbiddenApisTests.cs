using FluentAssertions;
using Katas.Cli.Running;
using Katas.Runner.Protocol;
using Katas.Testing;
using Katas.Worker.Compiling;

namespace Katas.Runner.Tests;

/// <summary>
/// The test worker's allow-list: kata code may use TorchSharp, the katas' types, System.Math, collections, LINQ, strings
/// and Console.WriteLine; every way out of the kata (files, processes, network, reflection, loading assemblies, the
/// environment, native or unsafe code, code run at load) is an error that names its file, line and API.
/// </summary>
public sealed class ForbiddenApisTests
{
    private static KataCompiler Compiler => KataCopies.Compiler;

    private static IEnumerable<string> KataFolders() =>
        KataRepository().SelectMany(kata => new[] { Path.Combine("katas", kata), Path.Combine("solutions", kata) });

    private static IEnumerable<string> KataRepository() => Kits.KataRepository.Katas;

    [TestCaseSource(nameof(KataFolders))]
    public void Every_stub_and_reference_solution_uses_only_what_a_kata_may(string folder)
    {
        // Each kata compiles against its own support types; only kata 01's are loaded here, so judge the allow-list's findings alone.
        string path = Path.Combine(KataEnvironment.RepoRoot, folder);
        IReadOnlyList<CompilerMessage> found = ForbiddenApis.In(Compiler.Analyse(path), path);
        found.Should().BeEmpty();
    }

    [TestCase("System.IO.File.ReadAllText(\"x\");", "File")]
    [TestCase("var text = File.ReadAllText(\"../../solutions/01-linreg/Loss.cs\");", "File")]
    [TestCase("System.Reflection.Assembly.LoadFrom(\"x.dll\");", "Assembly")]
    [TestCase("var context = new System.Runtime.Loader.AssemblyLoadContext(\"x\");", "AssemblyLoadContext")]
    [TestCase("System.Diagnostics.Process.Start(\"ls\");", "Process")]
    [TestCase("using var client = new System.Net.Http.HttpClient();", "HttpClient")]
    [TestCase("Environment.Exit(3);", "Environment")]
    [TestCase("var path = Environment.GetEnvironmentVariable(\"HOME\");", "Environment")]
    [TestCase("var methods = typeof(Loss).GetMethods();", "MethodInfo")]
    [TestCase("typeof(Loss).GetMethods();", "Type")]
    [TestCase("var type = slope.GetType();", "Type")]
    [TestCase("Action a = () => { }; var m = a.Method;", "MethodInfo")]
    [TestCase("dynamic d = slope; d.Foo();", "dynamic")]
    [TestCase("var t = torch.load(\"x\");", "load")]
    [TestCase("Console.OpenStandardOutput();", "OpenStandardOutput")]
    [TestCase("var raw = Console.OpenStandardOutput();", "Stream")]
    [TestCase("var o = Activator.CreateInstance(typeof(Loss));", "Activator")]
    [TestCase("Katas.Watch.LoopWatch.Tick(\"x\");", "Katas.Watch")]
    [TestCase("System.Linq.Expressions.Expression<Func<int>> e = () => 1; e.Compile();", "Expression")]
    public void A_way_out_of_the_kata_is_an_error_naming_its_file_line_and_api(string statement, string api)
    {
        using var copies = new KataCopies();
        string folder = copies.WithExtraFile($"public static void Do(Tensor slope) {{\n        {statement}\n    }}");

        CompilerMessage found = Forbidden(folder).Should().ContainSingle().Subject;

        (found.IsError, found.Id, found.File, found.Line).Should().Be((true, ForbiddenApis.Id, "Extra.cs", 9));
        found.Message.Should().Contain(api);
    }

    [TestCase("[System.Runtime.InteropServices.DllImport(\"libc\")] private static extern int getpid();", "extern")]
    [TestCase("[System.Runtime.CompilerServices.ModuleInitializer] public static void Init() { }", "CompilerServices")]
    [TestCase("private static System.IO.Stream Open() => Console.OpenStandardInput();", "Stream")]
    public void A_member_that_reaches_out_of_the_kata_is_an_error(string member, string api)
    {
        using var copies = new KataCopies();
        string folder = copies.WithExtraFile(member);
        Forbidden(folder).Should().NotBeEmpty().And.Contain(message => message.Message.Contains(api) && message.File == "Extra.cs");
    }

    [Test]
    public void Unsafe_code_does_not_even_compile_in_a_kata()
    {
        using var copies = new KataCopies();
        string folder = copies.WithExtraFile("public static void Do() { unsafe { int x = 1; int* p = &x; } }");
        Compiler.Compile(folder).Diagnostics.Should().Contain(message => message.IsError && message.Id == "CS0227" && message.File == "Extra.cs");
    }

    [Test]
    public void What_a_kata_needs_is_allowed_prints_timing_collections_linq_maths_and_the_learners_own_types()
    {
        using var copies = new KataCopies();
        string folder = copies.WithExtraFile("""
            public static double Do(Tensor slope) {
                    var clock = System.Diagnostics.Stopwatch.StartNew();
                    var values = new List<double> { Math.Sqrt(2), Math.Exp(1) };
                    var total = values.Where(v => v > 1).Sum() + Helper.Twice(1);
                    Console.WriteLine($"{total:0.00} in {clock.Elapsed.TotalSeconds} s, {string.Join(", ", values)}");
                    return total + slope.item<float>();
                }
            }

            public static class Helper
            {
                public static int Twice(int x) => 2 * x;
            """);
        Forbidden(folder).Should().BeEmpty();
    }

    private static IReadOnlyList<CompilerMessage> Forbidden(string folder)
    {
        CompiledKata compiled = Compiler.Compile(folder);
        compiled.Diagnostics.Where(message => message.IsError && message.Id != ForbiddenApis.Id).Should().BeEmpty("the code compiles; only the allow-list may refuse it");
        return compiled.Diagnostics.Where(message => message.Id == ForbiddenApis.Id).ToList();
    }
}
