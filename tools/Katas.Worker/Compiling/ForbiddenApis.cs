using Katas.Runner.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Katas.Worker.Compiling;

/// <summary>
/// What kata code may use: TorchSharp, the katas' own vocabulary, System.Math, collections, LINQ, strings, exceptions
/// and Console.Write(Line) for a print; nothing that reaches outside the kata: files, processes, the network, reflection,
/// assembly loading, the environment, native code, unsafe code, code that runs when an assembly loads. Checked on the
/// learner's own code with the compiler's semantic model, so an alias, a `using static` or `var` hides nothing. Every
/// use is an error naming the file, line and API: `check` shows it while the learner works, and a graded kata with one
/// scores nothing.
/// </summary>
internal static class ForbiddenApis
{
    /// <summary>The diagnostic id of a use of a forbidden API.</summary>
    public const string Id = "KATA001";

    /// <summary>Namespaces kata code may use (and the namespaces under them, unless forbidden below).</summary>
    private static readonly string[] AllowedNamespaces =
        ["System", "System.Collections", "System.Linq", "System.Text", "System.Globalization", "System.Numerics", "System.Threading.Tasks", "TorchSharp", "Katas"];

    /// <summary>Namespaces under an allowed one that are not for kata code.</summary>
    private static readonly string[] ForbiddenNamespaces =
        ["System.Linq.Expressions", "System.Text.Json", "System.Text.RegularExpressions.Generated", "Katas.Watch", "Katas.Data", "TorchSharp.torchvision.io"];

    /// <summary>Types of the System namespace that reach outside the kata.</summary>
    private static readonly string[] ForbiddenSystemTypes =
        ["Environment", "AppDomain", "AppContext", "Activator", "Type", "GC", "TypedReference", "ArgIterator", "RuntimeArgumentHandle",
         "RuntimeTypeHandle", "RuntimeMethodHandle", "RuntimeFieldHandle", "ModuleHandle", "MarshalByRefObject", "IntPtr", "UIntPtr"];

    /// <summary>Types of otherwise forbidden namespaces that are harmless and handy: timing a loop, an assertion.</summary>
    private static readonly string[] AllowedTypes = ["System.Diagnostics.Stopwatch", "System.Diagnostics.Debug"];

    /// <summary>TorchSharp's members that read or write files, or load compiled code.</summary>
    private static readonly string[] ForbiddenTorchMembers = ["load", "save", "from_file", "jit", "hub", "save_state_dict", "load_state_dict", "load_py", "save_py"];

    /// <summary>The uses of forbidden APIs and constructs in <paramref name="compilation"/>'s learner files, as errors.</summary>
    public static IReadOnlyList<CompilerMessage> In(Compilation compilation, string folder)
    {
        var found = new List<CompilerMessage>();
        foreach (SyntaxTree tree in compilation.SyntaxTrees.Where(tree => Path.IsPathRooted(tree.FilePath)))
        {
            SemanticModel model = compilation.GetSemanticModel(tree);
            var lines = new HashSet<int>();
            // A using directive names a namespace and does nothing: what counts is what the code then uses.
            foreach (SyntaxNode node in tree.GetRoot().DescendantNodes(descend => descend is not UsingDirectiveSyntax))
            {
                string? problem = Construct(node) ?? Symbol(model, node, compilation.Assembly);
                int line = node.GetLocation().GetLineSpan().StartLinePosition.Line;
                if (problem is not null && lines.Add(line))
                {
                    FileLinePositionSpan span = node.GetLocation().GetLineSpan();
                    found.Add(new CompilerMessage(true, Id, Path.GetRelativePath(folder, tree.FilePath), span.StartLinePosition.Line + 1,
                        span.StartLinePosition.Character + 1, problem + " Kata code may use TorchSharp, the katas' own types, System.Math, collections, " +
                        "LINQ, strings and Console.WriteLine; files, processes, the network, reflection, the environment and native code are not part of a kata."));
                }
            }
        }

        return found;
    }

    /// <summary>A construct that is forbidden whatever it names: unsafe code, native methods, late binding.</summary>
    private static string? Construct(SyntaxNode node) => node switch
    {
        UnsafeStatementSyntax => "An unsafe block is not for kata code.",
        PointerTypeSyntax or FunctionPointerTypeSyntax => "Pointers are not for kata code.",
        MemberDeclarationSyntax member when member.Modifiers.Any(SyntaxKind.UnsafeKeyword) => "An unsafe member is not for kata code.",
        MemberDeclarationSyntax member when member.Modifiers.Any(SyntaxKind.ExternKeyword) => "An extern (native) method is not for kata code.",
        LocalFunctionStatementSyntax function when function.Modifiers.Any(SyntaxKind.ExternKeyword) || function.Modifiers.Any(SyntaxKind.UnsafeKeyword) =>
            "An extern or unsafe local function is not for kata code.",
        MakeRefExpressionSyntax or RefTypeExpressionSyntax or RefValueExpressionSyntax => "__makeref and its kin are not for kata code.",
        _ => null,
    };

    /// <summary>What is wrong with the symbol <paramref name="node"/> names or the value it has, or null.</summary>
    private static string? Symbol(SemanticModel model, SyntaxNode node, IAssemblySymbol learner)
    {
        if (node is not (ExpressionSyntax or AttributeSyntax or TypeSyntax))
        {
            return null;
        }

        ISymbol? symbol = model.GetSymbolInfo(node).Symbol;
        if (symbol is not null && Forbidden(symbol, learner) is { } named)
        {
            return named;
        }

        // A value of a forbidden type (obj.GetType(), a delegate's Method) is as good as the type itself.
        ITypeSymbol? type = node is ExpressionSyntax ? model.GetTypeInfo(node).Type : null;
        if (type is { TypeKind: TypeKind.Dynamic })
        {
            return "`dynamic` is not for kata code: its calls are bound while the program runs, where nothing checks them.";
        }

        return type is not null && ForbiddenType(type, learner) is { } typed ? typed : null;
    }

    private static string? Forbidden(ISymbol symbol, IAssemblySymbol learner)
    {
        if (symbol is IAliasSymbol alias)
        {
            return Forbidden(alias.Target, learner);
        }

        if (symbol is INamespaceSymbol)
        {
            return null; // a namespace does nothing: the type named through it is what is judged
        }

        if (symbol is ITypeSymbol type)
        {
            return ForbiddenType(type, learner);
        }

        if (symbol.ContainingType is not { } containing)
        {
            return null; // a local, a parameter, a label
        }

        if (ForbiddenType(containing, learner) is { } typeProblem)
        {
            return typeProblem;
        }

        string owner = containing.OriginalDefinition.ToDisplayString();
        if (owner == "System.Console" && symbol.Name is not ("Write" or "WriteLine"))
        {
            return $"`Console.{symbol.Name}` is not for kata code (Console.Write and Console.WriteLine are).";
        }

        if (owner.StartsWith("TorchSharp", StringComparison.Ordinal) && ForbiddenTorchMembers.Contains(symbol.Name))
        {
            return $"`{containing.Name}.{symbol.Name}` reads or writes files or loads compiled code: not for kata code.";
        }

        return null;
    }

    private static string? ForbiddenType(ITypeSymbol type, IAssemblySymbol learner)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                return ForbiddenType(array.ElementType, learner);
            case IPointerTypeSymbol or IFunctionPointerTypeSymbol:
                return "Pointers are not for kata code.";
            case ITypeParameterSymbol or IDynamicTypeSymbol or IErrorTypeSymbol:
                return null;
        }

        if (type is INamedTypeSymbol named)
        {
            foreach (ITypeSymbol argument in named.TypeArguments)
            {
                if (ForbiddenType(argument, learner) is { } problem)
                {
                    return problem;
                }
            }
        }

        INamedTypeSymbol outer = type as INamedTypeSymbol ?? throw new InvalidOperationException(type.ToDisplayString());
        while (outer.ContainingType is { } containing)
        {
            outer = containing;
        }

        if (SymbolEqualityComparer.Default.Equals(outer.ContainingAssembly, learner) || AllowedTypes.Contains(outer.OriginalDefinition.ToDisplayString()))
        {
            return null; // the learner's own types, whatever their namespace
        }

        string space = outer.ContainingNamespace?.ToDisplayString() ?? "";
        if (!NamespaceAllowed(space))
        {
            return $"`{type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)}` ({space}) is not for kata code.";
        }

        return space == "System" && ForbiddenSystemTypes.Contains(outer.Name)
            ? $"`{outer.Name}` reaches outside the kata: not for kata code."
            : null;
    }

    private static bool NamespaceAllowed(string space) =>
        !ForbiddenNamespaces.Any(forbidden => space == forbidden || space.StartsWith(forbidden + ".", StringComparison.Ordinal))
        && AllowedNamespaces.Any(allowed => space == allowed || (allowed != "System" && space.StartsWith(allowed + ".", StringComparison.Ordinal)));
}
