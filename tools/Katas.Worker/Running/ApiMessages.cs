using Katas.Runner.Protocol;
using Katas.Worker.Loading;
using Microsoft.CodeAnalysis;

namespace Katas.Worker.Running;

/// <summary>Says what the tests use that the learner's kata lacks, as an error at the type's declaration when it has one.</summary>
internal static class ApiMessages
{
    public static CompilerMessage For(MissingMembers.Gap gap, Compilation learner, string folder)
    {
        string shortType = gap.Type[(gap.Type.LastIndexOf('.') + 1)..];
        string message = gap.Member.Length == 0
            ? $"The tests use the type {gap.Type}, which your kata does not have: it was removed or renamed. Put it back as the stub declared it (see the README)."
            : $"The tests use {shortType}'s member `{gap.Member}`, which your kata does not have: it was removed or renamed, or its parameters or return type changed. " +
              "Keep each stub's name, parameters and return type as the README gives them.";
        Location? where = learner.GetTypeByMetadataName(gap.Type)?.Locations.FirstOrDefault(location => location.IsInSource);
        if (where is null)
        {
            return new CompilerMessage(true, "API", "", 0, 0, message);
        }

        FileLinePositionSpan span = where.GetLineSpan();
        return new CompilerMessage(true, "API", Path.GetRelativePath(folder, span.Path), span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, message);
    }
}
