using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Katas.Worker.Compiling;

/// <summary>
/// Adds watch points to a kata's code before it is compiled: a call to Katas.Watch.LoopWatch.Tick at the top of every
/// loop body and to LoopWatch.Enter at the top of every method body, each naming its method, file and line. While a test
/// waits on a call into learner code, they say where the call is, stop it once its time is up, and turn a recursion
/// without end into an exception. The calls go on existing lines (after the '{', before its line break), so every line
/// number stays what the learner sees in the editor; <see cref="InsertedText"/> maps columns back. An expression-bodied
/// member (<c>=> expression;</c>) becomes a block on the same lines, <c>{Enter(...);return expression;}</c>, so a
/// recursion through one is an exception too; a <c>throw</c> expression or an async member is left as written.
/// </summary>
internal sealed class WatchPoints : CSharpSyntaxRewriter
{
    /// <summary>Marks the text this rewriter inserts.</summary>
    public static readonly SyntaxAnnotation Inserted = new("katas-watch-point");

    /// <summary>Marks the '{' this rewriter puts where an expression body's "=>" was: it inserts one character fewer than its text.</summary>
    public static readonly SyntaxAnnotation ReplacesArrow = new("katas-watch-point-arrow");

    private readonly string _fileName;

    private WatchPoints(string fileName) => _fileName = fileName;

    /// <summary>The tree with watch points added.</summary>
    public static SyntaxTree Add(SyntaxTree tree)
    {
        SyntaxNode root = new WatchPoints(Path.GetFileName(tree.FilePath)).Visit(tree.GetRoot());
        return tree.WithRootAndOptions(root, tree.Options);
    }

    public override SyntaxNode? VisitForStatement(ForStatementSyntax node) =>
        Loop(node, (ForStatementSyntax)base.VisitForStatement(node)!, (loop, body) => loop.WithStatement(body), loop => loop.Statement);

    public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node) =>
        Loop(node, (ForEachStatementSyntax)base.VisitForEachStatement(node)!, (loop, body) => loop.WithStatement(body), loop => loop.Statement);

    public override SyntaxNode? VisitForEachVariableStatement(ForEachVariableStatementSyntax node) =>
        Loop(node, (ForEachVariableStatementSyntax)base.VisitForEachVariableStatement(node)!, (loop, body) => loop.WithStatement(body), loop => loop.Statement);

    public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node) =>
        Loop(node, (WhileStatementSyntax)base.VisitWhileStatement(node)!, (loop, body) => loop.WithStatement(body), loop => loop.Statement);

    public override SyntaxNode? VisitDoStatement(DoStatementSyntax node) =>
        Loop(node, (DoStatementSyntax)base.VisitDoStatement(node)!, (loop, body) => loop.WithStatement(body), loop => loop.Statement);

    public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node) =>
        Method(node, (BaseMethodDeclarationSyntax)base.VisitMethodDeclaration(node)!, returns: !IsVoid(node.ReturnType));

    public override SyntaxNode? VisitConstructorDeclaration(ConstructorDeclarationSyntax node) =>
        Method(node, (BaseMethodDeclarationSyntax)base.VisitConstructorDeclaration(node)!, returns: false);

    public override SyntaxNode? VisitOperatorDeclaration(OperatorDeclarationSyntax node) =>
        Method(node, (BaseMethodDeclarationSyntax)base.VisitOperatorDeclaration(node)!, returns: true);

    public override SyntaxNode? VisitConversionOperatorDeclaration(ConversionOperatorDeclarationSyntax node) =>
        Method(node, (BaseMethodDeclarationSyntax)base.VisitConversionOperatorDeclaration(node)!, returns: true);

    public override SyntaxNode? VisitAccessorDeclaration(AccessorDeclarationSyntax node)
    {
        var visited = (AccessorDeclarationSyntax)base.VisitAccessorDeclaration(node)!;
        return visited.ExpressionBody is { } arrow && Watchable(arrow, visited.Modifiers)
            ? visited.WithExpressionBody(null).WithSemicolonToken(default)
                .WithBody(ArrowBlock(node, arrow, visited.SemicolonToken, returns: visited.IsKind(SyntaxKind.GetAccessorDeclaration)))
            : Body(node, visited, accessor => accessor.Body, (accessor, body) => accessor.WithBody(body));
    }

    public override SyntaxNode? VisitPropertyDeclaration(PropertyDeclarationSyntax node)
    {
        var visited = (PropertyDeclarationSyntax)base.VisitPropertyDeclaration(node)!;
        return visited.ExpressionBody is { } arrow && Watchable(arrow, visited.Modifiers)
            ? visited.WithExpressionBody(null).WithSemicolonToken(default).WithAccessorList(GetterOnly(node, arrow, visited.SemicolonToken))
            : visited;
    }

    public override SyntaxNode? VisitIndexerDeclaration(IndexerDeclarationSyntax node)
    {
        var visited = (IndexerDeclarationSyntax)base.VisitIndexerDeclaration(node)!;
        return visited.ExpressionBody is { } arrow && Watchable(arrow, visited.Modifiers)
            ? visited.WithExpressionBody(null).WithSemicolonToken(default).WithAccessorList(GetterOnly(node, arrow, visited.SemicolonToken))
            : visited;
    }

    public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
    {
        var visited = (LocalFunctionStatementSyntax)base.VisitLocalFunctionStatement(node)!;
        return visited.ExpressionBody is { } arrow && Watchable(arrow, visited.Modifiers)
            ? visited.WithExpressionBody(null).WithSemicolonToken(default).WithBody(ArrowBlock(node, arrow, visited.SemicolonToken, !IsVoid(visited.ReturnType)))
            : Body(node, visited, function => function.Body, (function, body) => function.WithBody(body));
    }

    public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node) =>
        Body(node, (ParenthesizedLambdaExpressionSyntax)base.VisitParenthesizedLambdaExpression(node)!, lambda => lambda.Block, (lambda, body) => lambda.WithBlock(body));

    public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node) =>
        Body(node, (SimpleLambdaExpressionSyntax)base.VisitSimpleLambdaExpression(node)!, lambda => lambda.Block, (lambda, body) => lambda.WithBlock(body));

    private T Loop<T>(T original, T visited, Func<T, StatementSyntax, T> withBody, Func<T, StatementSyntax> body)
        where T : StatementSyntax =>
        withBody(visited, WithCall(body(visited), Call("Tick", original)));

    /// <summary>A method, constructor or operator with a watch point, whether its body is a block or an expression.</summary>
    private SyntaxNode Method(BaseMethodDeclarationSyntax original, BaseMethodDeclarationSyntax visited, bool returns) =>
        visited.ExpressionBody is { } arrow && Watchable(arrow, visited.Modifiers)
            ? visited.WithExpressionBody(null).WithSemicolonToken(default).WithBody(ArrowBlock(original, arrow, visited.SemicolonToken, returns))
            : Body(original, visited, method => method.Body, (method, body) => method.WithBody(body));

    private T Body<T>(T original, T visited, Func<T, BlockSyntax?> body, Func<T, BlockSyntax, T> withBody)
        where T : SyntaxNode =>
        body(visited) is { } block ? withBody(visited, Prepend(block, Call("Enter", original))) : visited;

    /// <summary>
    /// Whether an expression body gets a watch point: not a <c>throw</c> expression (a block would need a throw statement,
    /// and it calls nothing back), not an async member (its block would need <c>await</c> rewritten).
    /// </summary>
    private static bool Watchable(ArrowExpressionClauseSyntax arrow, SyntaxTokenList modifiers) =>
        arrow.Expression is not ThrowExpressionSyntax && !modifiers.Any(SyntaxKind.AsyncKeyword);

    private static bool IsVoid(TypeSyntax type) => type is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword };

    /// <summary>
    /// "=> expression;" as "{Enter(...);return expression;}" on the same lines: the '{' takes the place of the "=>" (one
    /// character fewer, which <see cref="ReplacesArrow"/> tells <see cref="InsertedText"/>), the call and "return" follow
    /// it with no space, the arrow's own spacing stays before the expression, and the '}' comes after the ';'. So every
    /// character of the learner's expression keeps its line, and its column once the inserted lengths are taken off.
    /// </summary>
    private BlockSyntax ArrowBlock(SyntaxNode original, ArrowExpressionClauseSyntax arrow, SyntaxToken semicolon, bool returns, bool replacesArrow = true)
    {
        SyntaxToken open = Token(SyntaxKind.OpenBraceToken).WithLeadingTrivia(replacesArrow ? arrow.ArrowToken.LeadingTrivia : default)
            .WithAdditionalAnnotations(replacesArrow ? ReplacesArrow : Inserted);
        StatementSyntax call = Call("Enter", original).WithoutTrivia().WithAdditionalAnnotations(Inserted);
        SyntaxToken end = semicolon.WithoutTrivia();
        StatementSyntax statement = returns
            ? ReturnStatement(Token(SyntaxKind.ReturnKeyword).WithTrailingTrivia(arrow.ArrowToken.TrailingTrivia).WithAdditionalAnnotations(Inserted), arrow.Expression, end)
            : ExpressionStatement(arrow.Expression.WithLeadingTrivia(arrow.ArrowToken.TrailingTrivia.AddRange(arrow.Expression.GetLeadingTrivia())), end);
        SyntaxToken close = Token(SyntaxKind.CloseBraceToken).WithTrailingTrivia(semicolon.TrailingTrivia).WithAdditionalAnnotations(Inserted);
        return Block(open, List([call, statement]), close);
    }

    /// <summary>A property's or indexer's "=> expression;" as "{get{Enter(...);return expression;}}": a getter with a watch point.</summary>
    private AccessorListSyntax GetterOnly(SyntaxNode original, ArrowExpressionClauseSyntax arrow, SyntaxToken semicolon)
    {
        BlockSyntax block = ArrowBlock(original, arrow, semicolon.WithTrailingTrivia(), returns: true, replacesArrow: false);
        AccessorDeclarationSyntax getter = AccessorDeclaration(SyntaxKind.GetAccessorDeclaration, block)
            .WithKeyword(Token(SyntaxKind.GetKeyword).WithAdditionalAnnotations(Inserted));
        SyntaxToken open = Token(SyntaxKind.OpenBraceToken).WithLeadingTrivia(arrow.ArrowToken.LeadingTrivia).WithAdditionalAnnotations(ReplacesArrow);
        SyntaxToken close = Token(SyntaxKind.CloseBraceToken).WithTrailingTrivia(semicolon.TrailingTrivia).WithAdditionalAnnotations(Inserted);
        return AccessorList(open, List([getter]), close);
    }

    /// <summary>The call, naming where <paramref name="original"/> is: "GradientDescent.Run (GradientDescent.cs, line 42)".</summary>
    private StatementSyntax Call(string method, SyntaxNode original)
    {
        int line = original.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
        string where = $"{Member(original)} ({_fileName}, line {line})";
        return ParseStatement($"global::Katas.Watch.LoopWatch.{method}({SymbolDisplay.FormatLiteral(where, quote: true)});");
    }

    /// <summary>A loop body with the call first; a body without braces gets them, on its own lines.</summary>
    private static StatementSyntax WithCall(StatementSyntax body, StatementSyntax call)
    {
        if (body is BlockSyntax block)
        {
            return Prepend(block, call);
        }

        SyntaxToken open = Token(SyntaxKind.OpenBraceToken).WithLeadingTrivia(body.GetLeadingTrivia()).WithAdditionalAnnotations(Inserted);
        SyntaxToken close = Token(SyntaxKind.CloseBraceToken).WithTrailingTrivia(body.GetTrailingTrivia()).WithAdditionalAnnotations(Inserted);
        return Block(open, List([call.WithAdditionalAnnotations(Inserted), body.WithoutTrivia()]), close);
    }

    /// <summary>The block with the call right after its '{', before the line break that follows it.</summary>
    private static BlockSyntax Prepend(BlockSyntax block, StatementSyntax call)
    {
        SyntaxToken open = block.OpenBraceToken;
        StatementSyntax placed = call.WithoutLeadingTrivia().WithTrailingTrivia(open.TrailingTrivia).WithAdditionalAnnotations(Inserted);
        return block.WithOpenBraceToken(open.WithTrailingTrivia()).WithStatements(block.Statements.Insert(0, placed));
    }

    /// <summary>"Type.Member" for the member <paramref name="node"/> is in (a local function or lambda inside it included).</summary>
    private static string Member(SyntaxNode node)
    {
        string type = node.AncestorsAndSelf().OfType<BaseTypeDeclarationSyntax>().FirstOrDefault()?.Identifier.Text ?? "";
        string member = node.AncestorsAndSelf().Select(MemberName).FirstOrDefault(name => name is not null) ?? "";
        string lambda = node.AncestorsAndSelf().Any(ancestor => ancestor is AnonymousFunctionExpressionSyntax) ? "a lambda in " : "";
        return lambda + (type.Length == 0 ? member : member.Length == 0 ? type : $"{type}.{member}");
    }

    private static string? MemberName(SyntaxNode node) => node switch
    {
        LocalFunctionStatementSyntax function => function.Identifier.Text,
        MethodDeclarationSyntax method => method.Identifier.Text,
        ConstructorDeclarationSyntax => "constructor",
        PropertyDeclarationSyntax property => property.Identifier.Text,
        IndexerDeclarationSyntax => "indexer",
        OperatorDeclarationSyntax op => "operator " + op.OperatorToken.Text,
        ConversionOperatorDeclarationSyntax conversion => "conversion to " + conversion.Type,
        _ => null,
    };
}
