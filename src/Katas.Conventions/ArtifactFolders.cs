namespace Katas.Conventions;

/// <summary>Where figures go: artifacts/&lt;kata&gt;/reference, /yours or /other, by the implementation that drew them.</summary>
public static class ArtifactFolders
{
    /// <summary>The figure folder of <paramref name="kata"/> drawn by <paramref name="kataSource"/> (not created).</summary>
    /// <param name="repoRoot">The repository's root folder.</param>
    /// <param name="kata">The kata folder, e.g. 01-linreg.</param>
    /// <param name="kataSource">The KataSource the code was built with (see <see cref="KataSources"/>).</param>
    public static string For(string repoRoot, string kata, string kataSource) => Path.Combine(repoRoot, "artifacts", kata, KataSources.Who(kataSource));
}
