namespace Katas.Cli.Grading;

/// <summary>The course a grade comes from: the commit of this tool's repository, and whether its checkout is clean.</summary>
/// <param name="Root">The course's checkout (the repository this tool runs in).</param>
/// <param name="Commit">The full id of its HEAD commit: its tests, rubrics and tool grade.</param>
/// <param name="Clean">Whether the checkout has no uncommitted changes to tracked files.</param>
/// <param name="Files">Its files at that commit.</param>
internal sealed record CourseCommit(string Root, string Commit, bool Clean, IReadOnlyList<GitTreeEntry> Files)
{
    /// <summary>The course at <paramref name="root"/>'s HEAD.</summary>
    public static CourseCommit Of(string root)
    {
        string commit = GitTree.Commit(root, "HEAD");
        bool clean = RepositoryGit.OutputIn(root, "status", "--porcelain", "--untracked-files=no").Trim().Length == 0;
        return new CourseCommit(root, commit, clean, GitTree.Files(root, commit));
    }
}
