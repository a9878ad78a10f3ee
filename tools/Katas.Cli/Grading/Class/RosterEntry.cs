namespace Katas.Cli.Grading.Class;

/// <summary>One student of a roster.</summary>
/// <param name="Index">Its 0-based position among the roster's students (what --shard selects by).</param>
/// <param name="Line">The roster line it was read from (1-based, the header is line 1).</param>
/// <param name="Name">The student's name: also the folder of their reports, so only letters, digits, '.', '_' and '-'.</param>
/// <param name="Repository">Their git repository: a path or an address.</param>
/// <param name="Deadline">The last moment a commit counts, or null for the tip of the repository's HEAD.</param>
internal sealed record RosterEntry(int Index, int Line, string Name, string Repository, DateTimeOffset? Deadline);
