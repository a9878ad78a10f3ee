namespace Katas.Figures;

/// <summary>Where figures go: artifacts/&lt;kata&gt;/reference, /yours or /other, by the implementation that drew them.</summary>
public static class ArtifactFolders
{
    /// <summary>"reference" for the reference solutions, "yours" for katas/, "other" for any other folder.</summary>
    /// <param name="kataSource">The KataSource the code was built with (see build/KataSource.props).</param>
    public static string Who(string kataSource) => kataSource switch
    {
        "solutions" => "reference",
        "katas" => "yours",
        _ => "other",
    };

    /// <summary>The figure folder of <paramref name="kata"/> drawn by <paramref name="kataSource"/> (not created).</summary>
    public static string For(string repoRoot, string kata, string kataSource) => Path.Combine(repoRoot, "artifacts", kata, Who(kataSource));
}
