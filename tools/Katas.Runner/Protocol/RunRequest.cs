namespace Katas.Runner.Protocol;

/// <summary>What the supervisor asks a worker to do: compile a kata's source folder and run its tests.</summary>
/// <param name="Source">The kata's source folder (e.g. /repo/katas/01-linreg): every .cs file under it but bin/ and obj/.</param>
/// <param name="Implementation">What the tests call the implementation under test: "katas", "solutions", or a folder (figures and snapshots go by it).</param>
/// <param name="TaskOrder">The tasks in the order to run them: the task of the file that changed first. Tasks not named run after, in order.</param>
/// <param name="Skip">Full names of tests not to run (they finished, or crashed, in an earlier worker).</param>
/// <param name="OnlyTasks">Only these tasks' tests, or null for every test.</param>
/// <param name="OnlyTests">Only tests whose name (method, or display name) starts with one of these, or null.</param>
/// <param name="Animate">Whether figure tests also write animated GIFs.</param>
/// <param name="KnownHangs">Where calls ran past their time limit earlier in this run: a call that stays there is stopped early.</param>
/// <param name="TimeLimitSeconds">The time limit of calls into learner code whose test sets none, or null for the tests' standard 20 s.</param>
/// <param name="SnapshotFolder">Where the verified figure snapshots are, or null for the test project's own Snapshots folder.</param>
/// <param name="ArtifactsFolder">The folder that receives the run's figures (in NN-name/&lt;who&gt;/), or null for the repository's artifacts/.</param>
/// <param name="DiscoverOnly">Only compile and discover the tests (report them), run none.</param>
/// <param name="LongShare">Which long tests (and whether the quick ones) this worker runs when two share them, or null for all.</param>
public sealed record RunRequest(
    string Source,
    string Implementation,
    IReadOnlyList<int> TaskOrder,
    IReadOnlyList<string> Skip,
    IReadOnlyList<int>? OnlyTasks = null,
    IReadOnlyList<string>? OnlyTests = null,
    bool Animate = false,
    IReadOnlyList<string>? KnownHangs = null,
    double? TimeLimitSeconds = null,
    string? SnapshotFolder = null,
    string? ArtifactsFolder = null,
    bool DiscoverOnly = false,
    LongTestShare? LongShare = null);
