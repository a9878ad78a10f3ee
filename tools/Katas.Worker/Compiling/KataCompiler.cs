using System.Diagnostics;
using System.Text;
using Katas.Runner.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace Katas.Worker.Compiling;

/// <summary>
/// Compiles a kata's source folder in memory with the options its project gets from MSBuild (Debug, nullable enabled,
/// latest C#, warning wave 10, XML documentation checked, the SDK's implicit usings), with watch points added
/// (<see cref="WatchPoints"/>). What it does not run are the .NET code analyzers of an MSBuild build (CA rules): only
/// the compiler's own errors and warnings are reported.
/// </summary>
internal sealed class KataCompiler(string assemblyName, IReadOnlyList<MetadataReference> references)
{
    /// <summary>What the .NET SDK's ImplicitUsings puts in every project (obj/*/X.GlobalUsings.g.cs).</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose, preprocessorSymbols: PreprocessorSymbols());

    private static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        optimizationLevel: OptimizationLevel.Debug,
        deterministic: true,
        warningLevel: 10,
        // The SDK's default /nowarn (1701, 1702: assembly unification; 8002: unsigned references).
        specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic>
        {
            ["CS1701"] = ReportDiagnostic.Suppress,
            ["CS1702"] = ReportDiagnostic.Suppress,
            ["CS8002"] = ReportDiagnostic.Suppress,
        });

    private static readonly SyntaxTree GlobalUsings = CSharpSyntaxTree.ParseText(ImplicitUsings, ParseOptions, "GlobalUsings.g.cs", Encoding.UTF8);

    /// <summary>The kata's C# files under <paramref name="folder"/>, without build output folders.</summary>
    public static IReadOnlyList<string> SourceFiles(string folder) =>
        Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(file => !Path.GetRelativePath(folder, file).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Compiles every C# file of <paramref name="folder"/>.</summary>
    public CompiledKata Compile(string folder)
    {
        var clock = Stopwatch.StartNew();
        List<SyntaxTree> trees = Parse(folder);
        CSharpCompilation own = Create(trees);
        if (trees.Any(tree => tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error)))
        {
            return new CompiledKata(null, null, Messages(own.GetDiagnostics(), folder, _ => null), own, clock.Elapsed.TotalSeconds);
        }

        var rewritten = trees.ToDictionary(tree => tree, WatchPoints.Add);
        var inserted = rewritten.Values.ToDictionary(tree => tree.FilePath, InsertedText.In);
        CSharpCompilation watched = Create([.. rewritten.Values]);
        using var image = new MemoryStream();
        using var symbols = new MemoryStream();
        EmitResult result = watched.Emit(image, symbols, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
        IReadOnlyList<CompilerMessage> messages = Messages(result.Diagnostics, folder, path => inserted.GetValueOrDefault(path));
        if (!result.Success)
        {
            return new CompiledKata(null, null, messages, own, clock.Elapsed.TotalSeconds);
        }

        // Code that compiles but reaches outside the kata does not run (ForbiddenApis): the learner sees why, as errors.
        IReadOnlyList<CompilerMessage> forbidden = ForbiddenApis.In(own, folder);
        return forbidden.Count == 0
            ? new CompiledKata(image.ToArray(), symbols.ToArray(), messages, own, clock.Elapsed.TotalSeconds)
            : new CompiledKata(null, null, [.. forbidden, .. messages], own, clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// The code of <paramref name="folder"/> as the learner wrote it, not yet compiled to an assembly (no watch points, no
    /// emit): what <see cref="ForbiddenApis"/> judges, for a check that needs nothing more.
    /// </summary>
    public CSharpCompilation Analyse(string folder) => Create(Parse(folder));

    private static List<SyntaxTree> Parse(string folder) =>
        SourceFiles(folder)
            .Select(file => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(file), Encoding.UTF8), ParseOptions, Path.GetFullPath(file)))
            .ToList();

    /// <summary>Compiles a few lines that use TorchSharp, so the compiler's own code is loaded and compiled before the first save.</summary>
    public void WarmUp()
    {
        SyntaxTree tree = CSharpSyntaxTree.ParseText(
            "namespace Warm; /// <summary>.</summary>\npublic static class Up { /// <summary>.</summary>\npublic static TorchSharp.torch.Tensor Zeros() { for (int i = 0; i < 1; i++) { } return TorchSharp.torch.zeros(1); } }",
            ParseOptions, "WarmUp.cs", Encoding.UTF8);
        using var image = new MemoryStream();
        using var symbols = new MemoryStream();
        _ = Create([WatchPoints.Add(tree)]).Emit(image, symbols, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
    }

    private CSharpCompilation Create(IReadOnlyList<SyntaxTree> trees) =>
        CSharpCompilation.Create(assemblyName, [.. trees, GlobalUsings], references, CompilationOptions);

    private static List<CompilerMessage> Messages(IEnumerable<Diagnostic> diagnostics, string folder, Func<string, InsertedText?> insertedIn) =>
        diagnostics.Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning)
            .Select(d => Message(d, folder, insertedIn))
            .Distinct()
            .OrderBy(message => message.IsError ? 0 : 1).ThenBy(message => message.File, StringComparer.Ordinal).ThenBy(message => message.Line)
            .ToList();

    private static CompilerMessage Message(Diagnostic diagnostic, string folder, Func<string, InsertedText?> insertedIn)
    {
        bool error = diagnostic.Severity == DiagnosticSeverity.Error;
        string text = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        if (!diagnostic.Location.IsInSource)
        {
            return new CompilerMessage(error, diagnostic.Id, "", 0, 0, text);
        }

        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        int column = insertedIn(span.Path)?.OriginalColumn(span.StartLinePosition) ?? span.StartLinePosition.Character;
        string file = span.Path == "GlobalUsings.g.cs" ? span.Path : Path.GetRelativePath(folder, span.Path);
        return new CompilerMessage(error, diagnostic.Id, file, span.StartLinePosition.Line + 1, column + 1, text);
    }

    /// <summary>The symbols MSBuild defines for a Debug build of a net10.0 library (TRACE, DEBUG, NET, NET10_0, NET5_0_OR_GREATER, ...).</summary>
    private static string[] PreprocessorSymbols()
    {
        int major = Environment.Version.Major;
        IEnumerable<string> netVersions = Enumerable.Range(5, major - 4).Select(v => $"NET{v}_0_OR_GREATER");
        string[] core = ["1_0", "1_1", "2_0", "2_1", "2_2", "3_0", "3_1"];
        return ["TRACE", "DEBUG", "NET", $"NET{major}_0", "NETCOREAPP", .. netVersions, .. core.Select(v => $"NETCOREAPP{v}_OR_GREATER")];
    }
}
