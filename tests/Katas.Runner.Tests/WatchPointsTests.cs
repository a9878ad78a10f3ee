using FluentAssertions;
using Katas.Runner.Protocol;
using Katas.Worker.Compiling;

namespace Katas.Runner.Tests;

/// <summary>
/// The worker turns expression-bodied members into blocks with a watch point (so a recursion through one is an exception,
/// not a crash); a compiler message inside the learner's expression still points at the learner's own line and column.
/// </summary>
public sealed class WatchPointsTests
{
    [TestCase("public static double Twice(double x) => x * missingName;")]
    [TestCase("public static void Say() => System.Console.WriteLine(missingName);")]
    [TestCase("public static int Count => missingName;")]
    [TestCase("public static int Size { get => missingName; set => missingName = value; }")]
    [TestCase("public static int Local() { int Inner() =>   missingName; return Inner(); }")]
    [TestCase("public static double Wrapped(double x) =>\n        x * missingName;")]
    public void A_message_inside_an_expression_body_names_the_learners_own_line_and_column(string member)
    {
        using var copies = new KataCopies();
        string folder = copies.WithExtraFile(member);
        string[] lines = File.ReadAllLines(Path.Combine(folder, "Extra.cs"));
        var written = new List<(int Line, int Column)>();
        for (int line = 0; line < lines.Length; line++)
        {
            for (int at = lines[line].IndexOf("missingName", StringComparison.Ordinal); at >= 0; at = lines[line].IndexOf("missingName", at + 1, StringComparison.Ordinal))
            {
                written.Add((line + 1, at + 1));
            }
        }

        CompiledKata compiled = KataCopies.Compiler.Compile(folder);

        IEnumerable<(int Line, int Column)> reported = compiled.Diagnostics.Where(message => message.Id == "CS0103" && message.File == "Extra.cs")
            .Select(message => (message.Line, message.Column));
        reported.Should().BeEquivalentTo(written, "each message names the line and column where the learner wrote missingName");
    }

    [Test]
    public void Expression_bodied_members_that_compile_still_compile_with_their_watch_points()
    {
        using var copies = new KataCopies();
        string folder = copies.WithExtraFile("""
            public static double Twice(double x) => x * 2;
                public static void Nothing() => Twice(1);
                public static int Count => 3;
                public static int Size { get => Count; set => _ = value; }
                public static ref int Cell => ref Cells[0];
                private static readonly int[] Cells = [1];
                public static double Fail() => throw new System.InvalidOperationException("stays a throw expression");
                public static async System.Threading.Tasks.Task<int> Later() => await System.Threading.Tasks.Task.FromResult(1);
            """);

        CompiledKata compiled = KataCopies.Compiler.Compile(folder);

        // The allow-list may refuse the Task of the async member; the compiler itself must accept every member as rewritten.
        compiled.Diagnostics.Where(message => message.IsError && message.Id != ForbiddenApis.Id).Should().BeEmpty();
    }
}
